package io.sluice.bench.side;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * The records kcat sends, one per line: the very bytes both Java perf tools make with {@code --record-size}
 * (upper-case letters from {@code new SplittableRandom(0)}, {@code 'A' + nextInt(26)} per byte, record after
 * record), so the compressed sizes match. Written once per record count and reused. Stateless.
 */
final class KcatPayload {

    private KcatPayload() {
    }

    static Path write(Path dir, long records, int recordSize) throws IOException {
        Path file = dir.resolve("kcat-payload-" + records + "x" + recordSize + ".txt");
        if (Files.exists(file) && Files.size(file) == records * (recordSize + 1)) {
            return file;
        }
        SplittableRandom random = new SplittableRandom(0);
        byte[] line = new byte[recordSize + 1];
        line[recordSize] = '\n';
        Path partial = dir.resolve(file.getFileName() + ".partial");
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(partial), 1 << 20)) {
            for (long r = 0; r < records; r++) {
                for (int i = 0; i < recordSize; i++) {
                    line[i] = (byte) ('A' + random.nextInt(26));
                }
                out.write(line);
            }
        }
        Files.move(partial, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        return file;
    }
}
