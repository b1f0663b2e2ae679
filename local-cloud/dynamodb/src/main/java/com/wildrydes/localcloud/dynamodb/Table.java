package com.wildrydes.localcloud.dynamodb;

import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.Function;

/**
 * One table's items, sorted by primary key. Reads are lock-free; each write is a read-modify-write
 * under the table's lock, so a condition and the write it guards are atomic. With a journal every
 * write is also appended to disk before the call returns.
 */
public final class Table {

    /** An item as stored, with its size counted once. */
    public record StoredItem(Map<String, AttributeValue> attributes, long size) {
    }

    /** What a write decided, given the current item. */
    public sealed interface Change<R> {
        R result();

        record Put<R>(Map<String, AttributeValue> item, R result) implements Change<R> {
        }

        record Delete<R>(R result) implements Change<R> {
        }
    }

    private final TableSchema schema;
    private final ConcurrentSkipListMap<PrimaryKey, StoredItem> items = new ConcurrentSkipListMap<>();
    private final Object writeLock = new Object();
    private final TableJournal journal;
    private volatile long sizeBytes;
    private boolean deleted;

    Table(TableSchema schema, TableJournal journal, Iterable<Map<String, AttributeValue>> initialItems) {
        this.schema = schema;
        this.journal = journal;
        long size = 0;
        for (Map<String, AttributeValue> item : initialItems) {
            StoredItem stored = new StoredItem(item, AttributeValue.itemSize(item));
            StoredItem old = items.put(schema.primaryKeyOf(item), stored);
            size += stored.size() - (old == null ? 0 : old.size());
        }
        this.sizeBytes = size;
    }

    public TableSchema schema() {
        return schema;
    }

    public long itemCount() {
        return items.size();
    }

    public long sizeBytes() {
        return sizeBytes;
    }

    public Optional<Map<String, AttributeValue>> get(PrimaryKey key) {
        StoredItem stored = items.get(key);
        return stored == null ? Optional.empty() : Optional.of(stored.attributes());
    }

    /** All items in key order; a live, weakly consistent view. */
    public NavigableMap<PrimaryKey, StoredItem> items() {
        return java.util.Collections.unmodifiableNavigableMap(items);
    }

    /**
     * Decides and applies one write atomically. An exception thrown by {@code change} (a failed
     * condition, say) leaves the table as it was.
     */
    public <R> R write(PrimaryKey key, Function<Optional<Map<String, AttributeValue>>, Change<R>> change) {
        synchronized (writeLock) {
            if (deleted) {
                throw DynamoDbErrors.resourceNotFound();
            }
            Change<R> decided = change.apply(get(key));
            switch (decided) {
                case Change.Put<R> put -> {
                    Map<String, AttributeValue> item = AttributeValue.immutableCopy(put.item());
                    StoredItem stored = new StoredItem(item, AttributeValue.itemSize(item));
                    StoredItem old = items.put(key, stored);
                    sizeBytes += stored.size() - (old == null ? 0 : old.size());
                    if (journal != null) {
                        journal.appendPut(item);
                    }
                }
                case Change.Delete<R> ignored -> {
                    StoredItem old = items.remove(key);
                    if (old != null) {
                        sizeBytes -= old.size();
                        if (journal != null) {
                            journal.appendDelete(schema.keyOf(old.attributes()));
                        }
                    }
                }
            }
            if (journal != null && journal.wantsCompaction(items.size())) {
                journal.compact(schema, items.values().stream().map(StoredItem::attributes).toList());
            }
            return decided.result();
        }
    }

    /** Stops journaling; the table is being deleted or the service closed. */
    void close() {
        synchronized (writeLock) {
            if (journal != null) {
                journal.close();
            }
        }
    }

    void deleteStorage() {
        synchronized (writeLock) {
            deleted = true;
            if (journal != null) {
                journal.delete();
            }
        }
    }
}
