package io.sluice.examples.workload;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reading option values for the demo's and the tuner's command lines, with errors that name the option and say
 * what it takes. Stateless.
 */
public final class CommandLineValues {

    private CommandLineValues() {
    }

    /** The value at {@code args[i]}, the one following {@code option}. */
    public static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }

    /** A whole number in {@code [min, max]}; underscores as digit separators are allowed. */
    public static long number(String[] args, int i, String option, long min, long max) {
        String text = value(args, i, option).replace("_", "");
        long n;
        try {
            n = Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " " + text + " is not a whole number");
        }
        return inRange(n, option, min, max);
    }

    /** A comma-separated list of whole numbers, each in {@code [min, max]}. */
    public static List<Long> numbers(String text, String option, long min, long max) {
        List<Long> values = new ArrayList<>();
        for (String part : text.split("\\s*,\\s*")) {
            long n;
            try {
                n = Long.parseLong(part.replace("_", ""));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(option + " " + text + ": \"" + part + "\" is not a whole number");
            }
            values.add(inRange(n, option, min, max));
        }
        return values;
    }

    /** Puts a {@code --producer-property KEY=VALUE} into {@code properties}; {@code example} shows the form. */
    public static void putProducerProperty(String keyValue, String example, Map<String, String> properties) {
        int eq = keyValue.indexOf('=');
        if (eq <= 0) {
            throw new IllegalArgumentException("--producer-property " + keyValue + " is not KEY=VALUE, e.g. " + example);
        }
        properties.put(keyValue.substring(0, eq).trim(), keyValue.substring(eq + 1).trim());
    }

    private static long inRange(long n, String option, long min, long max) {
        if (n < min || n > max) {
            throw new IllegalArgumentException(option + " " + n + " is out of range: use " + min + " to " + max);
        }
        return n;
    }
}
