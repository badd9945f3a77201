package io.sluice.core.protocol;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/** Read-only lists over arrays the decoders just filled, without copying them again. Stateless. */
final class Lists {

    private Lists() {
    }

    /** An unmodifiable view of {@code elements}, which the caller hands over and never touches again. */
    static <T> List<T> of(T[] elements) {
        return elements.length == 0 ? List.of() : Collections.unmodifiableList(Arrays.asList(elements));
    }
}
