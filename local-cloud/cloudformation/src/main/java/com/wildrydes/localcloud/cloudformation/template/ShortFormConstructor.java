package com.wildrydes.localcloud.cloudformation.template;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads CloudFormation's short-form tags into their long form, so the rest of the engine sees one
 * shape: {@code !Ref X} becomes {@code {Ref: X}}, {@code !GetAtt A.B} becomes
 * {@code {Fn::GetAtt: [A, B]}}, {@code !Condition C} becomes {@code {Condition: C}} and any other
 * {@code !Name v} becomes {@code {Fn::Name: v}}. Unknown names are kept, so the resolver can refuse
 * them with the list of supported functions instead of a YAML error.
 */
final class ShortFormConstructor extends SafeConstructor {

    ShortFormConstructor(LoaderOptions options) {
        super(options);
        yamlMultiConstructors.put("!", new ShortForm());
    }

    private final class ShortForm extends AbstractConstruct {

        @Override
        public Object construct(Node node) {
            String name = node.getTag().getValue().substring(1);
            Object value = switch (node) {
                case ScalarNode scalar -> constructScalar(scalar);
                case SequenceNode sequence -> new ArrayList<>(constructSequence(sequence));
                case MappingNode mapping -> constructMapping(mapping);
                default -> throw new IllegalStateException("unexpected YAML node " + node.getNodeId());
            };
            return switch (name) {
                case "Ref" -> Map.of("Ref", value);
                case "Condition" -> Map.of("Condition", value);
                case "GetAtt" -> Map.of("Fn::GetAtt", value instanceof String dotted ? splitAttribute(dotted) : value);
                default -> Map.of("Fn::" + name, value);
            };
        }
    }

    /** {@code Resource.Attribute}; attribute names may themselves contain dots ({@code Endpoint.Address}). */
    private static Object splitAttribute(String dotted) {
        int dot = dotted.indexOf('.');
        return dot < 0 ? dotted : List.of(dotted.substring(0, dot), dotted.substring(dot + 1));
    }
}
