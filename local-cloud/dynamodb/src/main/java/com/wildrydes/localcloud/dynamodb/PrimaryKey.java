package com.wildrydes.localcloud.dynamodb;

/**
 * Where an item sits in its table: ordered by hash key, then range key, with DynamoDB's rules for
 * comparing values. {@link #first} and {@link #last} are bounds that sort before and after every range
 * key under one hash key, for range queries.
 *
 * @param range null for a table without a range key, and in bounds
 * @param bound 0 for a real key, -1 for "before every range key of this hash key", +1 for "after"
 */
public record PrimaryKey(AttributeValue hash, AttributeValue range, int bound) implements Comparable<PrimaryKey> {

    public static PrimaryKey of(AttributeValue hash, AttributeValue range) {
        return new PrimaryKey(hash, range, 0);
    }

    public static PrimaryKey first(AttributeValue hash) {
        return new PrimaryKey(hash, null, -1);
    }

    public static PrimaryKey last(AttributeValue hash) {
        return new PrimaryKey(hash, null, 1);
    }

    @Override
    public int compareTo(PrimaryKey other) {
        int byHash = AttributeValue.compareScalars(hash, other.hash);
        if (byHash != 0) {
            return byHash;
        }
        if (bound != 0 || other.bound != 0) {
            return Integer.compare(bound, other.bound);
        }
        if (range == null || other.range == null) {
            return range == null ? (other.range == null ? 0 : -1) : 1;
        }
        return AttributeValue.compareScalars(range, other.range);
    }
}
