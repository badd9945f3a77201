package io.sluice.transport.nio;

import io.sluice.api.errors.ConfigException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Cipher;
import javax.crypto.EncryptedPrivateKeyInfo;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Reads PEM text as Kafka accepts it in {@code ssl.truststore.certificates},
 * {@code ssl.keystore.certificate.chain}, {@code ssl.keystore.key} and PEM store files: X.509
 * certificates ({@code CERTIFICATE}) and PKCS#8 private keys, plain ({@code PRIVATE KEY}) or
 * encrypted with a password ({@code ENCRYPTED PRIVATE KEY}, PBES1 or PBES2 as OpenSSL writes them).
 * The JDK alone does the work. Whitespace inside the base64 is ignored, so a PEM value may sit on
 * one line of a properties file.
 *
 * <p>Messages name the configuration key and the kind of block at fault, never the PEM text or a
 * password. Stateless.
 */
final class PemReader {

    private static final Pattern BLOCK = Pattern.compile(
            "-----BEGIN ([A-Z0-9 ]+)-----(.*?)-----END \\1-----", Pattern.DOTALL);
    private static final String CERTIFICATE = "CERTIFICATE";
    private static final String PRIVATE_KEY = "PRIVATE KEY";
    private static final String ENCRYPTED_PRIVATE_KEY = "ENCRYPTED PRIVATE KEY";
    /** PKCS#5 v2 (PBES2): the JDK names the cipher only in the parameters. */
    private static final String PBES2 = "PBES2";
    private static final String PBES2_OID = "1.2.840.113549.1.5.13";
    /** Key algorithms tried in turn: PKCS#8 does not need to be parsed to know its algorithm. */
    private static final List<String> KEY_ALGORITHMS = List.of("RSA", "EC", "EdDSA", "RSASSA-PSS", "DSA");

    private PemReader() {
    }

    /** One {@code BEGIN}/{@code END} block: its label and the decoded bytes. */
    record Block(String label, byte[] der) {
    }

    /**
     * Every certificate in {@code text}, in order; other blocks are skipped.
     *
     * @param key the configuration key the text came from, for messages
     * @throws ConfigException if there is no certificate or one cannot be parsed
     */
    static List<X509Certificate> certificates(String text, String key) {
        List<X509Certificate> certificates = new ArrayList<>();
        CertificateFactory factory;
        try {
            factory = CertificateFactory.getInstance("X.509");
        } catch (CertificateException e) {
            throw new IllegalStateException("This JVM has no X.509 CertificateFactory", e);
        }
        for (Block block : blocks(text, key)) {
            if (block.label().equals(CERTIFICATE)) {
                try {
                    certificates.add((X509Certificate) factory.generateCertificate(new ByteArrayInputStream(block.der())));
                } catch (CertificateException e) {
                    throw new ConfigException(key, key + ": certificate " + (certificates.size() + 1)
                            + " is not a valid X.509 certificate (" + e.getMessage() + ")", e);
                }
            }
        }
        if (certificates.isEmpty()) {
            throw new ConfigException(key, key + " holds no PEM certificate: expected one or more "
                    + "-----BEGIN CERTIFICATE----- blocks");
        }
        return certificates;
    }

    /**
     * The one private key in {@code text} (PKCS#8).
     *
     * @param password        {@code ssl.key.password}, needed if the key is encrypted; may be null
     * @param key             the configuration key the text came from, for messages
     * @throws ConfigException if there is no key or several, the key is in a format the JDK cannot
     *         read (PKCS#1 "RSA PRIVATE KEY", SEC1 "EC PRIVATE KEY"), or the password is missing or wrong
     */
    static PrivateKey privateKey(String text, Secret password, String key) {
        Block found = null;
        for (Block block : blocks(text, key)) {
            String label = block.label();
            if (label.equals(PRIVATE_KEY) || label.equals(ENCRYPTED_PRIVATE_KEY)) {
                if (found != null) {
                    throw new ConfigException(key, key + " holds more than one private key; give exactly one");
                }
                found = block;
            } else if (label.endsWith(PRIVATE_KEY)) {
                throw new ConfigException(key, key + " holds a \"" + label + "\", which is not PKCS#8; convert it with "
                        + "`openssl pkcs8 -topk8 -in key.pem -out key-pkcs8.pem` (add -nocrypt for no password)");
            }
        }
        if (found == null) {
            throw new ConfigException(key, key + " holds no PEM private key: expected a -----BEGIN PRIVATE KEY----- "
                    + "or -----BEGIN ENCRYPTED PRIVATE KEY----- block (PKCS#8)");
        }
        byte[] pkcs8 = found.label().equals(ENCRYPTED_PRIVATE_KEY) ? decrypt(found.der(), password, key) : found.der();
        return keyOf(pkcs8, key);
    }

    /** All blocks of {@code text}, in order. */
    static List<Block> blocks(String text, String key) {
        List<Block> blocks = new ArrayList<>();
        Matcher matcher = BLOCK.matcher(text);
        while (matcher.find()) {
            String label = matcher.group(1);
            String base64 = matcher.group(2).replaceAll("\\s", "");
            try {
                blocks.add(new Block(label, Base64.getDecoder().decode(base64)));
            } catch (IllegalArgumentException e) {
                throw new ConfigException(key, key + ": the base64 inside a \"" + label + "\" block is not valid ("
                        + e.getMessage() + ")");
            }
        }
        if (blocks.isEmpty()) {
            throw new ConfigException(key, key + " is not PEM: no -----BEGIN ...----- / -----END ...----- block found");
        }
        return blocks;
    }

    private static byte[] decrypt(byte[] der, Secret password, String key) {
        if (password == null) {
            throw new ConfigException(KeyStoreConfig.KEY_PASSWORD, "The private key in " + key + " is encrypted, but "
                    + KeyStoreConfig.KEY_PASSWORD + " is not set; set it to the key's password");
        }
        try {
            EncryptedPrivateKeyInfo info = new EncryptedPrivateKeyInfo(der);
            String algorithm = info.getAlgName();
            if (algorithm.equals(PBES2) || algorithm.equals(PBES2_OID)) {
                algorithm = info.getAlgParameters().toString(); // e.g. PBEWithHmacSHA256AndAES_256
            }
            SecretKeyFactory factory = SecretKeyFactory.getInstance(algorithm);
            Cipher cipher = Cipher.getInstance(algorithm);
            cipher.init(Cipher.DECRYPT_MODE, factory.generateSecret(new PBEKeySpec(password.chars())),
                    info.getAlgParameters());
            return info.getKeySpec(cipher).getEncoded();
        } catch (InvalidKeySpecException e) {
            throw new ConfigException(KeyStoreConfig.KEY_PASSWORD, KeyStoreConfig.KEY_PASSWORD
                    + " does not decrypt the private key in " + key + "; check the password", e);
        } catch (IOException | GeneralSecurityException e) {
            throw new ConfigException(key, "The encrypted private key in " + key + " cannot be read by this JVM ("
                    + e.getMessage() + "); re-encrypt it with PBES2 (`openssl pkcs8 -topk8 -v2 aes-256-cbc`) "
                    + "or give it unencrypted", e);
        }
    }

    private static PrivateKey keyOf(byte[] pkcs8, String key) {
        PKCS8EncodedKeySpec spec = new PKCS8EncodedKeySpec(pkcs8);
        for (String algorithm : KEY_ALGORITHMS) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(spec);
            } catch (GeneralSecurityException e) {
                // not this algorithm: try the next
            }
        }
        throw new ConfigException(key, "The private key in " + key + " is not an RSA, EC, EdDSA or DSA key in PKCS#8 "
                + "form that this JVM can read");
    }
}
