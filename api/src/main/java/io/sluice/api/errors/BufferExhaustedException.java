package io.sluice.api.errors;

/** No buffer memory freed up within {@code max.block.ms}: records are produced faster than they can be sent. Raise {@code buffer.memory} or {@code max.block.ms}, or slow down. */
public class BufferExhaustedException extends TimeoutException {

    private static final long serialVersionUID = 1L;

    /** @param message what went wrong: the thing at fault, the value, and what to do */
    public BufferExhaustedException(String message) {
        super(message);
    }

    /**
     * @param message what went wrong: the thing at fault, the value, and what to do
     * @param cause   the failure that led to this one, kept as {@link #getCause()}; may be null
     */
    public BufferExhaustedException(String message, Throwable cause) {
        super(message, cause);
    }
}
