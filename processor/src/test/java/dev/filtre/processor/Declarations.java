package dev.filtre.processor;

import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaFileObject;

/** Builds the source of a {@code @Network} interface in package {@code test}, one layer a line. */
public final class Declarations {
    private Declarations() {}

    /**
     * {@code test.<name>}: {@code networkAnnotation} (e.g. {@code @Network(input = {1, 28, 28})}) on
     * {@code public interface <name>} whose body is {@code members}, one a line.
     */
    public static JavaFileObject network(String name, String networkAnnotation, String... members) {
        List<String> lines = new ArrayList<>(List.of(
                "package test;",
                "",
                "import dev.filtre.dsl.*;",
                "",
                networkAnnotation,
                "public interface " + name + " {"));
        for (String member : members) {
            lines.add("    " + member);
        }
        lines.add("}");
        return Sources.source("test." + name, lines.toArray(String[]::new));
    }
}
