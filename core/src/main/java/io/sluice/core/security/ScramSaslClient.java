package io.sluice.core.security;

import io.sluice.api.errors.SaslAuthenticationException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The client of SCRAM-SHA-256 and SCRAM-SHA-512 (RFC 5802, RFC 7677) as Kafka's brokers expect it:
 * client-first with a fresh random nonce, then from the server-first (whose nonce must extend ours
 * and whose iteration count must be at least 4096) the client-final with the proof, and finally a
 * check of the server's signature, which proves the broker knows the password's salted form too.
 *
 * <p>Key derivation (RFC 5802 section 3): SaltedPassword = Hi(password, salt, i); ClientKey =
 * HMAC(SaltedPassword, "Client Key"); StoredKey = H(ClientKey); ClientProof = ClientKey XOR
 * HMAC(StoredKey, AuthMessage); ServerSignature = HMAC(HMAC(SaltedPassword, "Server Key"),
 * AuthMessage); AuthMessage = client-first-bare "," server-first "," client-final-without-proof.
 *
 * <p>Mutable, one authentication, one thread. Nothing it throws or prints holds the password.
 */
final class ScramSaslClient implements SaslClient {

    private enum State { INITIAL, AWAITING_SERVER_FIRST, AWAITING_SERVER_FINAL, COMPLETE, FAILED }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final ScramHash hash;
    private final String username;
    private final String password;
    private final Map<String, String> extensions;
    private final Supplier<String> nonces;
    private State state = State.INITIAL;
    private String clientNonce;
    private String clientFirstBare;
    private byte[] expectedServerSignature;

    /**
     * @param extensions SCRAM extensions for client-first, e.g. {@code tokenauth=true}; usually empty
     */
    ScramSaslClient(ScramHash hash, String username, String password, Map<String, String> extensions) {
        this(hash, username, password, extensions, ScramSaslClient::randomNonce);
    }

    /** With a chosen nonce source, for RFC test vectors. */
    ScramSaslClient(ScramHash hash, String username, String password, Map<String, String> extensions, Supplier<String> nonces) {
        this.hash = Objects.requireNonNull(hash, "hash");
        this.username = Objects.requireNonNull(username, "username");
        this.password = Objects.requireNonNull(password, "password");
        this.extensions = Map.copyOf(extensions);
        this.nonces = Objects.requireNonNull(nonces, "nonces");
    }

    /** 32 random bytes in URL-safe base64: printable, no ','. */
    private static String randomNonce() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    @Override
    public String mechanismName() {
        return hash.mechanismName();
    }

    @Override
    public byte[] initialResponse() {
        expect(State.INITIAL, "initialResponse");
        clientNonce = nonces.get();
        StringBuilder bare = new StringBuilder("n=").append(ScramMessages.saslName(username)).append(",r=").append(clientNonce);
        extensions.forEach((k, v) -> bare.append(',').append(k).append('=').append(v));
        clientFirstBare = bare.toString();
        state = State.AWAITING_SERVER_FIRST;
        return utf8(ScramMessages.GS2_HEADER + clientFirstBare);
    }

    @Override
    public byte[] evaluateChallenge(byte[] challenge) {
        try {
            switch (state) {
                case AWAITING_SERVER_FIRST:
                    return clientFinal(new String(challenge, StandardCharsets.UTF_8));
                case AWAITING_SERVER_FINAL:
                    verifyServerFinal(new String(challenge, StandardCharsets.UTF_8));
                    return null;
                default:
                    throw new IllegalStateException(hash.mechanismName() + " has no step for a server token in state " + state);
            }
        } catch (SaslAuthenticationException e) {
            state = State.FAILED;
            throw e;
        }
    }

    private byte[] clientFinal(String serverFirstMessage) {
        ScramMessages.ServerFirst first = ScramMessages.serverFirst(serverFirstMessage);
        if (!first.nonce().startsWith(clientNonce) || first.nonce().length() == clientNonce.length()) {
            throw new SaslAuthenticationException("The broker's SCRAM server-first message does not extend the client's "
                    + "nonce with its own, as RFC 5802 requires; refusing to continue (a replayed or forged answer?)");
        }
        if (first.iterations() < ScramHash.MIN_ITERATIONS) {
            throw new SaslAuthenticationException("The broker asked for " + first.iterations() + " SCRAM iterations, fewer "
                    + "than the " + ScramHash.MIN_ITERATIONS + " that " + hash.mechanismName() + " requires; recreate the "
                    + "user's SCRAM credentials with iterations >= " + ScramHash.MIN_ITERATIONS);
        }
        byte[] saltedPassword = hash.hi(utf8(password), first.salt(), first.iterations());
        String withoutProof = ScramMessages.CHANNEL_BINDING + ",r=" + first.nonce();
        byte[] authMessage = utf8(clientFirstBare + "," + serverFirstMessage + "," + withoutProof);
        byte[] clientKey = hash.hmac(saltedPassword, utf8("Client Key"));
        byte[] clientSignature = hash.hmac(hash.hash(clientKey), authMessage);
        byte[] proof = new byte[clientKey.length];
        for (int i = 0; i < proof.length; i++) {
            proof[i] = (byte) (clientKey[i] ^ clientSignature[i]);
        }
        expectedServerSignature = hash.hmac(hash.hmac(saltedPassword, utf8("Server Key")), authMessage);
        state = State.AWAITING_SERVER_FINAL;
        return utf8(withoutProof + ",p=" + Base64.getEncoder().encodeToString(proof));
    }

    private void verifyServerFinal(String serverFinalMessage) {
        byte[] signature = ScramMessages.serverSignature(serverFinalMessage);
        if (!MessageDigest.isEqual(signature, expectedServerSignature)) {
            throw new SaslAuthenticationException("The broker's SCRAM server signature does not match: it did not prove "
                    + "that it knows this user's credentials. Refusing the connection (a broker with other credentials "
                    + "for the user, or someone in between?)");
        }
        state = State.COMPLETE;
    }

    private void expect(State expected, String step) {
        if (state != expected) {
            throw new IllegalStateException(step + " called in SCRAM state " + state + ", expected " + expected);
        }
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public boolean isComplete() {
        return state == State.COMPLETE;
    }

    @Override
    public String toString() {
        return "ScramSaslClient[" + hash.mechanismName() + ", " + state + "]";
    }
}
