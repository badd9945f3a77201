package io.sluice.api.errors;

/** No buffer memory freed up within {@code max.block.ms}: records are produced faster than they can be sent. Raise {@code buffer.memory} or {@code max.block.ms}, or slow down. */
public class BufferExhaustedException extends TimeoutException {

    private static final long serialVersionUID = 1L;

    public BufferExhaustedException(String message) {
        super(message);
    }

    public BufferExhaustedException(String message, Throwable cause) {
        super(message, cause);
    }
}
