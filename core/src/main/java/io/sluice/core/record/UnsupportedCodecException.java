package io.sluice.core.record;

import io.sluice.api.errors.SluiceException;

/** A batch is compressed with a codec for which no {@code Compressor} module is available. */
public class UnsupportedCodecException extends SluiceException {

    private static final long serialVersionUID = 1L;

    public UnsupportedCodecException(String message) {
        super(message);
    }
}
