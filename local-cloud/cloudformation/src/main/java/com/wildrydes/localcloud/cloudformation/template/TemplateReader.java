package com.wildrydes.localcloud.cloudformation.template;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.wildrydes.localcloud.json.Json;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.representer.Representer;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a template file, YAML or JSON, into plain values: maps with string keys (in file order),
 * lists, strings, numbers and booleans, with short-form tags already in long form.
 */
public final class TemplateReader {

    private TemplateReader() {
    }

    public static Map<String, Object> read(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new TemplateException("Template " + file + " does not exist");
        } catch (IOException e) {
            throw new TemplateException("Template " + file + " cannot be read: " + e.getMessage(), e);
        }
        String text = new String(bytes, StandardCharsets.UTF_8);
        Object root = looksLikeJson(file, text) ? readJson(file, text) : readYaml(file, text);
        if (!(root instanceof Map<?, ?>)) {
            throw new TemplateException(Template.displayName(file) + ": Template format error: a template must be a map of sections (Resources, Parameters, ...)");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> template = (Map<String, Object>) normalize(file, root);
        return template;
    }

    /** Reads YAML text with CloudFormation's tags (also used by tests and by inline snippets). */
    public static Object parseYaml(String text) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(100);
        Yaml yaml = new Yaml(new ShortFormConstructor(options), new Representer(new DumperOptions()),
                new DumperOptions(), options, new PlainScalarResolver());
        return normalize(null, yaml.load(text));
    }

    private static boolean looksLikeJson(Path file, String text) {
        return file.getFileName().toString().endsWith(".json") || text.stripLeading().startsWith("{");
    }

    private static Object readYaml(Path file, String text) {
        try {
            return parseYaml(text);
        } catch (YAMLException e) {
            throw new TemplateException(Template.displayName(file) + ": not valid YAML: " + e.getMessage(), e);
        }
    }

    private static Object readJson(Path file, String text) {
        try {
            return Json.MAPPER.readerFor(Object.class)
                    .with(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                    .readValue(text);
        } catch (JsonProcessingException e) {
            throw new TemplateException(Template.displayName(file) + ": not valid JSON: " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")"), e);
        }
    }

    /** String keys everywhere; numbers as Integer/Long/BigDecimal-or-Double; nothing else sneaks in. */
    private static Object normalize(Path file, Object value) {
        switch (value) {
            case Map<?, ?> map -> {
                Map<String, Object> out = new LinkedHashMap<>();
                map.forEach((k, v) -> out.put(String.valueOf(k), normalize(file, v)));
                return out;
            }
            case List<?> list -> {
                List<Object> out = new ArrayList<>(list.size());
                list.forEach(v -> out.add(normalize(file, v)));
                return out;
            }
            case BigInteger big -> {
                return big.toString();
            }
            case String s -> {
                return s;
            }
            case Number n -> {
                return n;
            }
            case Boolean b -> {
                return b;
            }
            case null -> {
                return null;
            }
            default -> throw new TemplateException((file == null ? "" : Template.displayName(file) + ": ")
                    + "Template format error: unsupported YAML value of type " + value.getClass().getSimpleName());
        }
    }
}
