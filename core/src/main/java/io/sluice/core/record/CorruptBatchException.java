package io.sluice.core.record;

import io.sluice.api.errors.SluiceException;

/**
 * Bytes that should hold Kafka record batches do not: a bad CRC, a wrong magic, a length that
 * points past the data, a truncated or malformed record. The message names the batch (base
 * offset and position) and the values found.
 */
public class CorruptBatchException extends SluiceException {

    private static final long serialVersionUID = 1L;

    public CorruptBatchException(String message) {
        super(message);
    }

    public CorruptBatchException(String message, Throwable cause) {
        super(message, cause);
    }
}
