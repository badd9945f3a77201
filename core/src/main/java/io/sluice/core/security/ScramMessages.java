package io.sluice.core.security;

import io.sluice.api.errors.SaslAuthenticationException;
import java.util.Base64;

/**
 * The SCRAM messages of RFC 5802 (section 7) as Kafka's client writes and reads them: no channel
 * binding ({@code n,,}, so {@code c=biws}), no authorization id, no SASLprep (Kafka sends the user
 * name and password as plain UTF-8), optional extensions after the nonce (Kafka's
 * {@code tokenauth=true} for delegation tokens). Stateless.
 *
 * <pre>
 *   client-first   n,,n=&lt;saslname&gt;,r=&lt;client nonce&gt;[,ext=value...]
 *   server-first   [m=...,]r=&lt;client nonce + server nonce&gt;,s=&lt;base64 salt&gt;,i=&lt;iterations&gt;[,ext...]
 *   client-final   c=biws,r=&lt;nonce&gt;,p=&lt;base64 client proof&gt;
 *   server-final   v=&lt;base64 server signature&gt;  or  e=&lt;error&gt;
 * </pre>
 */
final class ScramMessages {

    /** The GS2 header: no channel binding, no authorization id. */
    static final String GS2_HEADER = "n,,";
    /** {@code c=} of the client-final message: the GS2 header in base64. */
    static final String CHANNEL_BINDING = "c=" + Base64.getEncoder().encodeToString(GS2_HEADER.getBytes(java.nio.charset.StandardCharsets.US_ASCII));

    /** The parts of a server-first message. */
    record ServerFirst(String nonce, byte[] salt, int iterations) {
    }

    private ScramMessages() {
    }

    /** A user name as a SCRAM saslname: {@code =} becomes {@code =3D} and {@code ,} becomes {@code =2C}. */
    static String saslName(String username) {
        return username.replace("=", "=3D").replace(",", "=2C");
    }

    /** Parses a server-first message. */
    static ServerFirst serverFirst(String message) {
        String[] parts = message.split(",", -1);
        int i = 0;
        if (parts.length > 0 && parts[0].startsWith("m=")) {
            throw malformed("server-first", "asks for a mandatory extension (m=) that Sluice does not know");
        }
        if (parts.length < 3) {
            throw malformed("server-first", "has " + parts.length + " attributes where r=, s= and i= are expected");
        }
        String nonce = attribute(parts[i++], 'r', "server-first");
        String salt = attribute(parts[i++], 's', "server-first");
        String iterations = attribute(parts[i], 'i', "server-first");
        if (nonce.isEmpty() || !printable(nonce)) {
            throw malformed("server-first", "has an empty or unprintable nonce");
        }
        byte[] saltBytes;
        try {
            saltBytes = Base64.getDecoder().decode(salt);
        } catch (IllegalArgumentException e) {
            throw malformed("server-first", "has a salt that is not base64");
        }
        int count;
        try {
            count = Integer.parseInt(iterations);
        } catch (NumberFormatException e) {
            throw malformed("server-first", "has an iteration count that is not a number (" + iterations + ")");
        }
        return new ServerFirst(nonce, saltBytes, count);
    }

    /**
     * The server signature of a server-final message.
     *
     * @throws SaslAuthenticationException for {@code e=} (the broker's reason in the message) or a malformed message
     */
    static byte[] serverSignature(String message) {
        String first = message.split(",", -1)[0];
        if (first.startsWith("e=")) {
            throw new SaslAuthenticationException("The broker ended the SCRAM exchange with the error '"
                    + first.substring(2) + "'; check the user name and password in sasl.jaas.config, and that the user "
                    + "has credentials for this mechanism");
        }
        String verifier = attribute(first, 'v', "server-final");
        try {
            return Base64.getDecoder().decode(verifier);
        } catch (IllegalArgumentException e) {
            throw malformed("server-final", "has a server signature that is not base64");
        }
    }

    private static String attribute(String part, char name, String message) {
        if (part.length() < 2 || part.charAt(0) != name || part.charAt(1) != '=') {
            throw malformed(message, "does not have the attribute " + name + "= where expected");
        }
        return part.substring(2);
    }

    /** RFC 5802 printable: %x21-2B / %x2D-7E (anything visible but ','). */
    private static boolean printable(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x21 || c > 0x7e || c == ',') {
                return false;
            }
        }
        return true;
    }

    private static SaslAuthenticationException malformed(String message, String problem) {
        return new SaslAuthenticationException("The broker's SCRAM " + message + " message " + problem
                + "; the broker does not follow RFC 5802 as Kafka does");
    }
}
