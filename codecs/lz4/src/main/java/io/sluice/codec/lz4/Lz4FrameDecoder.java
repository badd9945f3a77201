package io.sluice.codec.lz4;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import net.jpountz.lz4.LZ4Exception;
import net.jpountz.xxhash.StreamingXXHash32;

/**
 * Decodes LZ4 frames block by block, strictly: what Kafka writes for magic v2 (see
 * {@link Lz4Frame}) and what other producers may add: block checksums, a content size, a content
 * checksum, block sizes up to 4 MiB, several frames in a row and skippable frames. It refuses, with
 * a message starting {@code lz4:}, a wrong magic, a wrong header checksum (including the "broken"
 * one of magic v0), reserved bits, linked blocks and dictionaries (Kafka's reader refuses them
 * too), oversized or corrupt blocks, checksum mismatches and truncation.
 *
 * <p>Not thread-safe: one decoder per batch being read.
 */
final class Lz4FrameDecoder {

    private static final int FLG_VERSION_MASK = 0xC0;
    private static final int FLG_VERSION_1 = 0x40;
    private static final int FLG_BLOCK_INDEPENDENCE = 0x20;
    private static final int FLG_BLOCK_CHECKSUM = 0x10;
    private static final int FLG_CONTENT_SIZE = 0x08;
    private static final int FLG_CONTENT_CHECKSUM = 0x04;
    private static final int FLG_RESERVED = 0x02;
    private static final int FLG_DICTIONARY_ID = 0x01;
    private static final int BD_RESERVED = 0x8F;

    private final Lz4Input input;
    private byte[] block = new byte[0];
    private int frames;
    private boolean inFrame;
    // the current frame's descriptor
    private int blockMaxSize;
    private boolean blockChecksums;
    private long contentSize = -1;
    private StreamingXXHash32 contentHash;
    private long decoded;
    private int blockNumber;

    Lz4FrameDecoder(Lz4Input input) {
        this(input, null);
    }

    /**
     * A decoder that starts with {@code block} as its block buffer (a pooled one), growing it only if a
     * frame's maximum block size needs more; {@link #block()} gives back the buffer in use at the end.
     */
    Lz4FrameDecoder(Lz4Input input, byte[] block) {
        this.input = input;
        if (block != null) {
            this.block = block;
        }
    }

    /** The array holding the last block returned by {@link #nextBlock()}, from index 0. */
    byte[] block() {
        return block;
    }

    /** Decodes the next data block into {@link #block()}; returns its length, or -1 after the last frame. */
    int nextBlock() throws IOException {
        try {
            while (true) {
                if (!inFrame && !startFrame()) {
                    return -1;
                }
                int size = readInt("the size of block " + blockNumber);
                if (size == 0) {
                    endFrame();
                    continue;
                }
                int length = decodeBlock(size);
                if (length > 0) {
                    return length;
                }
            }
        } catch (EOFException e) {
            throw malformed("truncated frame: the input ended in " + e.getMessage(), e);
        }
    }

    /** Reads the next frame header; false at the end of input after at least one frame. */
    private boolean startFrame() throws IOException {
        while (true) {
            if (input.exhausted()) {
                if (frames == 0) {
                    throw malformed("no data; expected an LZ4 frame starting with magic 04 22 4D 18", null);
                }
                return false;
            }
            int magic = readInt("the frame magic");
            if ((magic & Lz4Frame.SKIPPABLE_MAGIC_MASK) == Lz4Frame.SKIPPABLE_MAGIC) {
                skip(readInt("the size of a skippable frame"));
                continue;
            }
            if (magic != Lz4Frame.MAGIC) {
                throw malformed(String.format("wrong magic 0x%08X at the start of frame %d; an LZ4 frame starts with 0x%08X "
                        + "(is the batch really lz4-compressed?)", magic, frames, Lz4Frame.MAGIC), null);
            }
            readDescriptor();
            frames++;
            inFrame = true;
            return true;
        }
    }

    private void readDescriptor() throws IOException {
        ByteBuffer fields = input.take(2, "the frame descriptor");
        int flg = fields.get(fields.position()) & 0xff;
        int bd = fields.get(fields.position() + 1) & 0xff;
        checkFlags(flg, bd);
        byte[] descriptor = new byte[(flg & FLG_CONTENT_SIZE) != 0 ? 10 : 2];
        descriptor[0] = (byte) flg;
        descriptor[1] = (byte) bd;
        if (descriptor.length > 2) {
            input.take(8, "the content size").get(descriptor, 2, 8);
            contentSize = ByteBuffer.wrap(descriptor, 2, 8).order(java.nio.ByteOrder.LITTLE_ENDIAN).getLong();
        } else {
            contentSize = -1;
        }
        ByteBuffer hc = input.take(1, "the header checksum");
        int expected = Lz4Library.headerChecksum(descriptor, 0, descriptor.length) & 0xff;
        int actual = hc.get(hc.position()) & 0xff;
        if (actual != expected) {
            throw malformed(String.format("header checksum 0x%02X does not match 0x%02X, the checksum of the frame "
                    + "descriptor (magic v2 batches need the correct one, not the magic v0 variant)", actual, expected), null);
        }
        blockMaxSize = 1 << (2 * ((bd >>> 4) & 7) + 8);
        if (block.length < blockMaxSize) {
            block = new byte[blockMaxSize];
        }
        blockChecksums = (flg & FLG_BLOCK_CHECKSUM) != 0;
        contentHash = (flg & FLG_CONTENT_CHECKSUM) != 0 ? Lz4Library.newStreamingXxhash32() : null;
        decoded = 0;
        blockNumber = 0;
    }

    private static void checkFlags(int flg, int bd) throws IOException {
        if ((flg & FLG_VERSION_MASK) != FLG_VERSION_1) {
            throw malformed(String.format("frame version %d is not supported (FLG 0x%02X); only version 1 exists", flg >>> 6, flg), null);
        }
        if ((flg & FLG_RESERVED) != 0 || (bd & BD_RESERVED) != 0) {
            throw malformed(String.format("reserved bits are set (FLG 0x%02X, BD 0x%02X)", flg, bd), null);
        }
        if ((flg & FLG_DICTIONARY_ID) != 0) {
            throw malformed(String.format("the frame needs a dictionary (FLG 0x%02X), which Kafka does not support", flg), null);
        }
        if ((flg & FLG_BLOCK_INDEPENDENCE) == 0) {
            throw malformed(String.format("the frame uses linked blocks (FLG 0x%02X), which Kafka does not support; "
                    + "the producer must write independent blocks", flg), null);
        }
        int code = (bd >>> 4) & 7;
        if (code < 4) {
            throw malformed(String.format("block size code %d is not valid (BD 0x%02X); it must be 4..7 (64 KiB..4 MiB)", code, bd), null);
        }
    }

    /** Decodes one block of the given size field into {@link #block}; returns the decoded length. */
    private int decodeBlock(int sizeField) throws IOException {
        boolean stored = (sizeField & Lz4Frame.STORED_BLOCK_FLAG) != 0;
        int length = sizeField & ~Lz4Frame.STORED_BLOCK_FLAG;
        if (length > blockMaxSize) {
            throw malformed("block " + blockNumber + " of frame " + (frames - 1) + " declares " + length
                    + " bytes, more than the frame's maximum block size " + blockMaxSize, null);
        }
        // The checksum is taken with the data: a view stays valid only until the next take.
        int checksumLength = blockChecksums ? 4 : 0;
        ByteBuffer data = input.take(length + checksumLength, "the data of block " + blockNumber);
        if (blockChecksums) {
            int expected = Lz4Library.xxhash32().hash(data, data.position(), length, 0);
            int actual = Lz4Frame.getIntLE(data.duplicate().position(data.position() + length));
            if (actual != expected) {
                throw malformed("block " + blockNumber + " of frame " + (frames - 1) + " fails its checksum", null);
            }
        }
        int decodedLength;
        if (stored) {
            data.duplicate().get(block, 0, length);
            decodedLength = length;
        } else {
            try {
                decodedLength = Lz4Library.decompressor().decompress(data, data.position(), length,
                        ByteBuffer.wrap(block), 0, blockMaxSize);
            } catch (LZ4Exception e) {
                throw malformed("block " + blockNumber + " of frame " + (frames - 1) + " is corrupt: " + e.getMessage(), e);
            }
        }
        if (contentHash != null) {
            contentHash.update(block, 0, decodedLength);
        }
        decoded += decodedLength;
        blockNumber++;
        return decodedLength;
    }

    private void endFrame() throws IOException {
        if (contentHash != null && readInt("the content checksum") != contentHash.getValue()) {
            throw malformed("frame " + (frames - 1) + " fails its content checksum", null);
        }
        if (contentSize >= 0 && contentSize != decoded) {
            throw malformed("frame " + (frames - 1) + " declares " + contentSize + " content bytes but holds " + decoded, null);
        }
        inFrame = false;
    }

    private void skip(int length) throws IOException {
        long remaining = Integer.toUnsignedLong(length);
        while (remaining > 0) {
            int n = (int) Math.min(remaining, 64 * 1024);
            input.take(n, "a skippable frame");
            remaining -= n;
        }
    }

    private int readInt(String what) throws IOException {
        return Lz4Frame.getIntLE(input.take(4, what));
    }

    static IOException malformed(String detail, Throwable cause) {
        return new IOException("lz4: malformed frame: " + detail, cause);
    }
}
