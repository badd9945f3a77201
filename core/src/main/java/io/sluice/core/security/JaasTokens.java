package io.sluice.core.security;

import io.sluice.api.errors.ConfigException;

/**
 * Splits a {@code sasl.jaas.config} value into the tokens of Kafka's JAAS syntax: bare words,
 * quoted values, {@code =} and {@code ;}, skipping white space and {@code //} and {@code /* *\/}
 * comments. Quoted values use {@code "…"} or {@code '…'} with the escapes Kafka's parser (Java's
 * {@code StreamTokenizer}) understands: {@code \n \t \r \b \f \a \v}, octal {@code \0}–{@code \377},
 * and a backslash before any other character for that character ({@code \" \\}).
 *
 * <p>Error messages give positions and option names, never the text itself: it holds passwords.
 *
 * <p>Mutable, single use, confined to the thread parsing the configuration.
 */
final class JaasTokens {

    /** What a token is. */
    enum Kind { WORD, QUOTED, EQUALS, SEMICOLON, END }

    /** One token and where it starts (1-based, for messages). */
    record Token(Kind kind, String text, int position) {
    }

    private final String input;
    private final String key;
    private int at;

    /** @param key the configuration key the text comes from, for messages */
    JaasTokens(String input, String key) {
        this.input = input;
        this.key = key;
    }

    Token next() {
        skipSpaceAndComments();
        if (at >= input.length()) {
            return new Token(Kind.END, null, at + 1);
        }
        int start = at;
        char c = input.charAt(at);
        if (c == '=') {
            at++;
            return new Token(Kind.EQUALS, "=", start + 1);
        }
        if (c == ';') {
            at++;
            return new Token(Kind.SEMICOLON, ";", start + 1);
        }
        if (c == '"' || c == '\'') {
            return new Token(Kind.QUOTED, quoted(c), start + 1);
        }
        if (isWordChar(c)) {
            while (at < input.length() && isWordChar(input.charAt(at))) {
                at++;
            }
            return new Token(Kind.WORD, input.substring(start, at), start + 1);
        }
        throw error("an unexpected character at position " + (start + 1) + "; quote option values that hold "
                + "characters other than letters, digits, '.', '_', '-' and '$'");
    }

    ConfigException error(String problem) {
        return new ConfigException(key, key + " is not a valid JAAS configuration: " + problem + ". Expected Kafka's "
                + "syntax: <LoginModule class> required username=\"...\" password=\"...\";");
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '.' || c == '_' || c == '-' || c == '$';
    }

    private void skipSpaceAndComments() {
        while (at < input.length()) {
            char c = input.charAt(at);
            if (Character.isWhitespace(c)) {
                at++;
            } else if (input.startsWith("//", at)) {
                while (at < input.length() && input.charAt(at) != '\n' && input.charAt(at) != '\r') {
                    at++;
                }
            } else if (input.startsWith("/*", at)) {
                int end = input.indexOf("*/", at + 2);
                if (end < 0) {
                    throw error("the comment starting at position " + (at + 1) + " is not closed with */");
                }
                at = end + 2;
            } else {
                return;
            }
        }
    }

    private String quoted(char quote) {
        int start = at;
        at++;
        StringBuilder value = new StringBuilder();
        while (true) {
            if (at >= input.length() || input.charAt(at) == '\n' || input.charAt(at) == '\r') {
                throw error("the quoted value starting at position " + (start + 1) + " is not closed with " + quote
                        + " before the end of the " + (at >= input.length() ? "text" : "line"));
            }
            char c = input.charAt(at++);
            if (c == quote) {
                return value.toString();
            }
            if (c == '\\' && at < input.length()) {
                value.append(escaped());
            } else {
                value.append(c);
            }
        }
    }

    /** The character an escape stands for; {@code at} is just past the backslash. */
    private char escaped() {
        char c = input.charAt(at++);
        switch (c) {
            case 'a': return 7;
            case 'b': return '\b';
            case 'f': return '\f';
            case 'n': return '\n';
            case 'r': return '\r';
            case 't': return '\t';
            case 'v': return 11;
            default:
                if (c >= '0' && c <= '7') {
                    return octal(c);
                }
                return c;
        }
    }

    /** Up to three octal digits, at most \377, as StreamTokenizer reads them. */
    private char octal(char first) {
        int value = first - '0';
        int maxDigits = first <= '3' ? 3 : 2;
        for (int digits = 1; digits < maxDigits && at < input.length(); digits++) {
            char c = input.charAt(at);
            if (c < '0' || c > '7') {
                break;
            }
            value = value * 8 + (c - '0');
            at++;
        }
        return (char) value;
    }
}
