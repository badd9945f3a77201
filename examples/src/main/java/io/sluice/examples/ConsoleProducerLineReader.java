package io.sluice.examples;

import io.sluice.api.Header;
import io.sluice.api.ProducerRecord;
import io.sluice.api.RecordHeader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Turns one line of the console producer's input into a record, with the properties and the
 * syntax of Kafka's {@code LineMessageReader} (what {@code kafka-console-producer --property}
 * configures), so that input files made for Kafka's tool work unchanged:
 * <pre>
 * parse.headers=true, parse.key=true:   h1:v1,h2:v2&lt;TAB&gt;key&lt;TAB&gt;value
 * parse.key=true:                       key&lt;TAB&gt;value
 * parse.headers=true:                   h1:v1,h2:v2&lt;TAB&gt;value
 * (neither):                            value
 * </pre>
 * <ul>
 *   <li>{@code key.separator} (tab) ends the key; {@code headers.delimiter} (tab) ends the headers;
 *       {@code headers.separator} (",", a regular expression as in Kafka) separates headers;
 *       {@code headers.key.separator} (":") separates a header's key from its value;</li>
 *   <li>{@code null.marker} (unset): a key, value or header value equal to it becomes null; a
 *       header section equal to it means no headers; a header key may not equal it;</li>
 *   <li>{@code ignore.error=true}: a line without a key separator gets a null key, a header
 *       without a key separator a null value, instead of failing.</li>
 * </ul>
 * Not thread-safe: one reader per input, used by the thread that reads it (it counts lines).
 */
final class ConsoleProducerLineReader {

    private final String topic;
    private final boolean parseKey;
    private final String keySeparator;
    private final boolean parseHeaders;
    private final String headersDelimiter;
    private final Pattern headersSeparator;
    private final String headersKeySeparator;
    private final boolean ignoreError;
    private final String nullMarker;
    private int lineNumber;

    /** @throws IllegalArgumentException if two separators (or a separator and the null marker) are equal, as in Kafka */
    ConsoleProducerLineReader(String topic, Map<String, String> props) {
        this.topic = topic;
        this.parseKey = isTrue(props.get("parse.key"));
        this.keySeparator = props.getOrDefault("key.separator", "\t");
        this.parseHeaders = isTrue(props.get("parse.headers"));
        this.headersDelimiter = props.getOrDefault("headers.delimiter", "\t");
        String separator = props.getOrDefault("headers.separator", ",");
        this.headersSeparator = Pattern.compile(separator);
        this.headersKeySeparator = props.getOrDefault("headers.key.separator", ":");
        this.ignoreError = isTrue(props.get("ignore.error"));
        this.nullMarker = props.get("null.marker");
        refuseEqual("headers.delimiter", headersDelimiter, "headers.separator", separator);
        refuseEqual("headers.delimiter", headersDelimiter, "headers.key.separator", headersKeySeparator);
        refuseEqual("headers.separator", separator, "headers.key.separator", headersKeySeparator);
        refuseEqual("null.marker", nullMarker, "key.separator", keySeparator);
        refuseEqual("null.marker", nullMarker, "headers.separator", separator);
        refuseEqual("null.marker", nullMarker, "headers.delimiter", headersDelimiter);
        refuseEqual("null.marker", nullMarker, "headers.key.separator", headersKeySeparator);
    }

    /**
     * The record of the next input line.
     *
     * @throws IllegalArgumentException naming the line number and the missing separator when the
     *         line does not have the shape the properties announce (and {@code ignore.error} is off)
     */
    ProducerRecord<byte[], byte[]> read(String line) {
        lineNumber++;
        String headers = section(parseHeaders, line, 0, headersDelimiter, "headers delimiter", "parse.headers");
        int headersEnd = headers == null ? 0 : headers.length() + headersDelimiter.length();
        String key = section(parseKey, line, headersEnd, keySeparator, "key separator", "parse.key");
        int keyEnd = key == null ? 0 : key.length() + keySeparator.length();
        String value = line.substring(headersEnd + keyEnd);
        List<Header> recordHeaders = headers == null || headers.equals(nullMarker) ? List.of() : splitHeaders(headers);
        return new ProducerRecord<>(topic, null, bytesOrNull(key), bytesOrNull(value), recordHeaders);
    }

    private String section(boolean enabled, String line, int start, String end, String endName, String property) {
        if (!enabled) {
            return null;
        }
        int index = line.indexOf(end, start);
        if (index < 0) {
            if (ignoreError) {
                return null;
            }
            throw new IllegalArgumentException("No " + endName + " found on line number " + lineNumber + ": '" + line
                    + "'. With " + property + "=true every line needs one (" + printable(end) + "); fix the line, set "
                    + property + "=false, or set ignore.error=true");
        }
        return line.substring(start, index);
    }

    private List<Header> splitHeaders(String headers) {
        List<Header> out = new ArrayList<>();
        for (String pair : headersSeparator.split(headers)) {
            int i = pair.indexOf(headersKeySeparator);
            if (i < 0) {
                if (ignoreError) {
                    out.add(new RecordHeader(pair, null));
                    continue;
                }
                throw new IllegalArgumentException("No header key separator found in pair '" + pair + "' on line number "
                        + lineNumber + " (headers.key.separator is " + printable(headersKeySeparator) + ")");
            }
            String headerKey = pair.substring(0, i);
            if (headerKey.equals(nullMarker)) {
                throw new IllegalArgumentException("Header keys should not be equal to the null marker '" + nullMarker
                        + "' as they can't be null (line number " + lineNumber + ")");
            }
            out.add(new RecordHeader(headerKey, bytesOrNull(pair.substring(i + headersKeySeparator.length()))));
        }
        return out;
    }

    private byte[] bytesOrNull(String s) {
        return s == null || s.equals(nullMarker) ? null : s.getBytes(StandardCharsets.UTF_8);
    }

    private static boolean isTrue(String value) {
        return value != null && value.trim().equalsIgnoreCase("true");
    }

    private static void refuseEqual(String nameA, String a, String nameB, String b) {
        if (a != null && a.equals(b)) {
            throw new IllegalArgumentException(nameA + " and " + nameB + " may not be equal (both are " + printable(a) + ")");
        }
    }

    private static String printable(String s) {
        return "'" + s.replace("\t", "\\t") + "'";
    }
}
