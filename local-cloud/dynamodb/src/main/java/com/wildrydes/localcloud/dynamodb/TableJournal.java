package com.wildrydes.localcloud.dynamodb;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.wildrydes.localcloud.json.Json;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One table on disk: a JSON-lines file whose first line is the table's schema and whose other lines are
 * puts and deletes, appended and flushed on each write. Replaying the file rebuilds the table; once the
 * log holds far more lines than live items it is compacted into a fresh file written beside it and
 * moved over it atomically, so a crash leaves either the old file or the new one.
 *
 * <p>A process killed mid-append can leave a torn last line; loading ignores it, losing only that write.
 */
final class TableJournal implements AutoCloseable {

    static final String SUFFIX = ".table.jsonl";
    private static final int MIN_LINES_BEFORE_COMPACTION = 1000;

    /** A table read back from disk. */
    record Loaded(TableSchema schema, List<Map<String, AttributeValue>> items, TableJournal journal) {
    }

    private final Path file;
    private BufferedWriter writer;
    private long appendedLines;

    private TableJournal(Path file, long appendedLines) {
        this.file = file;
        this.appendedLines = appendedLines;
        this.writer = openForAppend(file);
    }

    static Path fileFor(Path directory, String table) {
        return directory.resolve(table + SUFFIX);
    }

    /** Starts the file of a new, empty table. */
    static TableJournal create(Path directory, TableSchema schema) {
        Path file = fileFor(directory, schema.name());
        writeAtomically(file, schema, List.of());
        return new TableJournal(file, 0);
    }

    /** Replays a table's file, compacting it so the next start reads only live items. */
    static Loaded load(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + file, e);
        }
        if (lines.isEmpty()) {
            throw new IllegalStateException(file + " has no table schema; remove the file or restore it");
        }
        TableSchema schema = TableSchema.fromJson(parseLine(file, lines.get(0), 1));
        Map<PrimaryKey, Map<String, AttributeValue>> items = new LinkedHashMap<>();
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            JsonNode entry;
            try {
                entry = Json.MAPPER.readTree(line);
            } catch (JsonProcessingException e) {
                if (i == lines.size() - 1) {
                    break; // a write torn by a crash: everything before it is intact
                }
                throw new IllegalStateException(file + " line " + (i + 1) + " is not valid JSON", e);
            }
            if (entry.has("put")) {
                Map<String, AttributeValue> item = AttributeValueJson.readItem(entry.get("put"));
                items.put(schema.primaryKeyOf(item), item);
            } else if (entry.has("delete")) {
                items.remove(schema.primaryKeyOf(AttributeValueJson.readItem(entry.get("delete"))));
            } else {
                throw new IllegalStateException(file + " line " + (i + 1) + " is neither a put nor a delete");
            }
        }
        List<Map<String, AttributeValue>> live = new ArrayList<>(items.values());
        writeAtomically(file, schema, live);
        return new Loaded(schema, live, new TableJournal(file, 0));
    }

    void appendPut(Map<String, AttributeValue> item) {
        ObjectNode line = Json.object();
        line.set("put", AttributeValueJson.writeItem(item));
        append(line);
    }

    void appendDelete(Map<String, AttributeValue> key) {
        ObjectNode line = Json.object();
        line.set("delete", AttributeValueJson.writeItem(key));
        append(line);
    }

    boolean wantsCompaction(long liveItems) {
        return appendedLines > MIN_LINES_BEFORE_COMPACTION && appendedLines > 2 * liveItems;
    }

    void compact(TableSchema schema, List<Map<String, AttributeValue>> liveItems) {
        close();
        writeAtomically(file, schema, liveItems);
        writer = openForAppend(file);
        appendedLines = 0;
    }

    @Override
    public void close() {
        if (writer == null) {
            return;
        }
        try {
            writer.close();
        } catch (IOException e) {
            throw new UncheckedIOException("could not close " + file, e);
        } finally {
            writer = null;
        }
    }

    void delete() {
        close();
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("could not delete " + file, e);
        }
    }

    private void append(ObjectNode line) {
        if (writer == null) {
            throw new IllegalStateException("the journal " + file + " is closed");
        }
        try {
            writer.write(Json.text(line));
            writer.write('\n');
            writer.flush();
            appendedLines++;
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + file, e);
        }
    }

    private static BufferedWriter openForAppend(Path file) {
        try {
            return Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("could not open " + file, e);
        }
    }

    private static void writeAtomically(Path file, TableSchema schema, List<Map<String, AttributeValue>> items) {
        Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            try (BufferedWriter out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
                out.write(Json.text(schema.toJson()));
                out.write('\n');
                for (Map<String, AttributeValue> item : items) {
                    ObjectNode line = Json.object();
                    line.set("put", AttributeValueJson.writeItem(item));
                    out.write(Json.text(line));
                    out.write('\n');
                }
            }
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + file, e);
        }
    }

    private static JsonNode parseLine(Path file, String line, int number) {
        try {
            return Json.MAPPER.readTree(line);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(file + " line " + number + " is not valid JSON", e);
        }
    }
}
