package io.strata.storage.format;

import java.util.Arrays;

/**
 * A Bloom filter over caller-computed 64-bit key hashes: {@link #mightContain} never answers false for
 * a hash that was added, and answers true for about 1% of the others (10 bits per key, 7 probes).
 * Storage knows nothing of key encoding: the caller hashes its primary key the same way when writing
 * and when looking up. The probes come from one hash by double hashing (Kirsch and Mitzenmacher,
 * "Less hashing, same performance", 2006) after a 64-bit mix, so weak hashes (a key's own value) work
 * as well as strong ones. Immutable and thread-safe.
 */
public final class BloomFilter {
    public static final int BITS_PER_KEY = 10;
    public static final int HASH_FUNCTIONS = 7;

    private final int hashFunctions;
    private final long[] words;
    private final long bitCount;

    private BloomFilter(int hashFunctions, long[] words) {
        if (hashFunctions <= 0 || words.length == 0 || (long) words.length * Long.SIZE > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("bad bloom filter: " + hashFunctions + " probes, " + words.length + " words");
        }
        this.hashFunctions = hashFunctions;
        this.words = words;
        this.bitCount = (long) words.length * Long.SIZE;
    }

    /** A filter holding the first {@code count} of {@code keyHashes}, sized for them. */
    public static BloomFilter of(long[] keyHashes, int count) {
        if (count < 0 || count > keyHashes.length) {
            throw new IllegalArgumentException("count " + count + " outside 0.." + keyHashes.length);
        }
        long bits = Math.max(Long.SIZE, (long) count * BITS_PER_KEY);
        int wordCount = (int) Math.min((bits + Long.SIZE - 1) / Long.SIZE, Integer.MAX_VALUE / Long.SIZE);
        BloomFilter filter = new BloomFilter(HASH_FUNCTIONS, new long[wordCount]);
        for (int i = 0; i < count; i++) {
            filter.set(keyHashes[i]);
        }
        return filter;
    }

    /** A filter read back from its parts ({@link #hashFunctions()}, {@link #words()}). */
    public static BloomFilter fromWords(int hashFunctions, long[] words) {
        return new BloomFilter(hashFunctions, words.clone());
    }

    /** False only if {@code keyHash} was certainly not added. */
    public boolean mightContain(long keyHash) {
        long mixed = mix(keyHash);
        int hash1 = (int) mixed;
        int hash2 = (int) (mixed >>> 32);
        for (int i = 1; i <= hashFunctions; i++) {
            long bit = probe(hash1, hash2, i);
            if ((words[(int) (bit >>> 6)] & (1L << bit)) == 0) {
                return false;
            }
        }
        return true;
    }

    public int hashFunctions() {
        return hashFunctions;
    }

    /** A copy of the bit set, 64 bits a word. */
    public long[] words() {
        return words.clone();
    }

    public int sizeInBytes() {
        return words.length * Long.BYTES;
    }

    private void set(long keyHash) {
        long mixed = mix(keyHash);
        int hash1 = (int) mixed;
        int hash2 = (int) (mixed >>> 32);
        for (int i = 1; i <= hashFunctions; i++) {
            long bit = probe(hash1, hash2, i);
            words[(int) (bit >>> 6)] |= 1L << bit;
        }
    }

    private long probe(int hash1, int hash2, int i) {
        int combined = hash1 + i * hash2;
        return (combined < 0 ? ~combined : combined) % bitCount;
    }

    /** The finalizer of SplitMix64 (Steele, Lea, Flood 2014): every input bit reaches every output bit. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof BloomFilter that && hashFunctions == that.hashFunctions && Arrays.equals(words, that.words);
    }

    @Override
    public int hashCode() {
        return 31 * hashFunctions + Arrays.hashCode(words);
    }

    @Override
    public String toString() {
        return "BloomFilter[" + bitCount + " bits, " + hashFunctions + " probes]";
    }
}
