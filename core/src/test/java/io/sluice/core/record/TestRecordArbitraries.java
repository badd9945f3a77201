package io.sluice.core.record;

import io.sluice.api.Header;
import io.sluice.api.RecordHeader;
import java.util.List;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/** jqwik generators for records, batches and producer state. Stateless. */
final class TestRecordArbitraries {

    private TestRecordArbitraries() {
    }

    /** Null, empty, short and (sometimes) long byte arrays: lengths around the 1/2-byte varint edge. */
    static Arbitrary<byte[]> nullableBytes(int maxLength) {
        Arbitrary<byte[]> bytes = Arbitraries.bytes().array(byte[].class).ofMinSize(0).ofMaxSize(maxLength);
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(1, Arbitraries.just(null)),
                net.jqwik.api.Tuple.of(1, Arbitraries.just(new byte[0])),
                net.jqwik.api.Tuple.of(6, bytes));
    }

    /** Valid Unicode: ASCII, 2-byte, 3-byte and supplementary (4-byte) code points. */
    static Arbitrary<String> headerKeys() {
        Arbitrary<Integer> codePoint = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(8, Arbitraries.integers().between(0x20, 0x7e)),
                net.jqwik.api.Tuple.of(2, Arbitraries.integers().between(0x80, 0x7ff)),
                net.jqwik.api.Tuple.of(2, Arbitraries.integers().between(0x800, 0xd7ff)),
                net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(0xe000, 0xffff)),
                net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(0x10000, 0x10ffff)));
        return codePoint.list().ofMaxSize(12)
                .map(cps -> cps.stream().map(Character::toString).collect(Collectors.joining()));
    }

    static Arbitrary<Header> headers() {
        return Combinators.combine(headerKeys(), nullableBytes(40)).as(RecordHeader::new);
    }

    /** Timestamps from 0 to ~year 3000, and NO_TIMESTAMP (-1) now and then. */
    static Arbitrary<Long> timestamps() {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(1, Arbitraries.just(-1L)),
                net.jqwik.api.Tuple.of(3, Arbitraries.longs().between(0L, 32_503_680_000_000L)),
                net.jqwik.api.Tuple.of(6, Arbitraries.longs().between(1_700_000_000_000L, 1_700_000_100_000L)));
    }

    static Arbitrary<TestRecord> records() {
        return Combinators.combine(timestamps(), nullableBytes(40), nullableBytes(300), headers().list().ofMaxSize(4))
                .as(TestRecord::new);
    }

    /** 1 to 150 records: offset deltas past the 1-byte varint range (63). */
    static Arbitrary<List<TestRecord>> batches() {
        return records().list().ofMinSize(1).ofMaxSize(150);
    }

    static Arbitrary<ProducerState> producerStates() {
        Arbitrary<ProducerState> idempotent = Combinators.combine(
                Arbitraries.longs().between(0, Long.MAX_VALUE),
                Arbitraries.shorts().between((short) 0, Short.MAX_VALUE),
                Arbitraries.integers().between(0, Integer.MAX_VALUE),
                Arbitraries.of(true, false)).as(ProducerState::new);
        return Arbitraries.oneOf(Arbitraries.just(ProducerState.NONE), idempotent);
    }
}
