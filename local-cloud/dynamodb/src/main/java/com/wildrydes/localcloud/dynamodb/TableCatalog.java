package com.wildrydes.localcloud.dynamodb;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.stream.Stream;

/** The tables of one account and region, by name; on disk when given a directory. */
final class TableCatalog implements AutoCloseable {

    private final NavigableMap<String, Table> tables = new ConcurrentSkipListMap<>();
    private final Optional<Path> directory;

    TableCatalog(Optional<Path> directory) {
        this.directory = directory;
        directory.ifPresent(this::load);
    }

    private void load(Path dir) {
        try {
            Files.createDirectories(dir);
            try (Stream<Path> files = Files.list(dir)) {
                for (Path file : files.filter(f -> f.getFileName().toString().endsWith(TableJournal.SUFFIX)).sorted().toList()) {
                    TableJournal.Loaded loaded = TableJournal.load(file);
                    tables.put(loaded.schema().name(), new Table(loaded.schema(), loaded.journal(), loaded.items()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not read DynamoDB data in " + dir, e);
        }
    }

    /** Creates a table, or fails with ResourceInUseException if the name is taken. */
    synchronized Table create(TableSchema schema) {
        if (tables.containsKey(schema.name())) {
            throw DynamoDbErrors.tableExists(schema.name());
        }
        TableJournal journal = directory.map(dir -> TableJournal.create(dir, schema)).orElse(null);
        Table table = new Table(schema, journal, List.of());
        tables.put(schema.name(), table);
        return table;
    }

    synchronized Table delete(String name) {
        Table table = tables.remove(name);
        if (table == null) {
            throw DynamoDbErrors.tableNotFound(name);
        }
        table.deleteStorage();
        return table;
    }

    Optional<Table> find(String name) {
        return Optional.ofNullable(tables.get(name));
    }

    /** The table an item operation names, or ResourceNotFoundException as DynamoDB words it for item operations. */
    Table require(String name) {
        Table table = tables.get(name);
        if (table == null) {
            throw DynamoDbErrors.resourceNotFound();
        }
        return table;
    }

    /** Table names in DynamoDB's order for ListTables. */
    NavigableMap<String, Table> byName() {
        return java.util.Collections.unmodifiableNavigableMap(tables);
    }

    @Override
    public synchronized void close() {
        tables.values().forEach(Table::close);
    }
}
