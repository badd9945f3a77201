package io.sluice.examples.tune;

import java.util.Locale;

/** One point of the sweep: the settings that shape batches. */
public record TuneSetting(int batchSize, long lingerMs, String compressionType) {

    /** A short label, e.g. {@code 64 KB / 5 ms / lz4}. */
    public String label(boolean withCompression) {
        String size = batchSize % 1024 == 0 ? batchSize / 1024 + " KB" : batchSize + " B";
        return String.format(Locale.ROOT, "%s / %d ms%s", size, lingerMs, withCompression ? " / " + compressionType : "");
    }
}
