package dev.filtre.processor.spec;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.SourcePositions;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.Element;

/**
 * Puts elements in the order they appear in the source. Layers are a network's methods in source
 * order, and javac's {@link Element#getEnclosedElements()} gives that order already; other
 * compilers need not, so when javac's Trees API is available this sorts by start position, and
 * otherwise keeps the compiler's order.
 */
final class SourceOrder {
    private final Optional<Trees> trees;

    private SourceOrder(Optional<Trees> trees) {
        this.trees = trees;
    }

    /** The source order of the compiler behind {@code environment}. */
    static SourceOrder of(ProcessingEnvironment environment) {
        return new SourceOrder(treesOf(environment));
    }

    private static Optional<Trees> treesOf(ProcessingEnvironment environment) {
        try {
            return Optional.of(Trees.instance(environment));
        } catch (IllegalArgumentException | LinkageError notJavac) {
            // Another compiler (Eclipse) or a wrapped environment: no trees.
            return Optional.empty();
        }
    }

    /**
     * The elements sorted by start position in their source file; in the order given when a
     * position is unknown for any of them.
     */
    <E extends Element> List<E> sort(List<E> elements) {
        if (trees.isEmpty()) {
            return elements;
        }
        List<Positioned<E>> positioned = new ArrayList<>();
        for (E element : elements) {
            long position = startPosition(trees.get(), element);
            if (position < 0) {
                return elements;
            }
            positioned.add(new Positioned<>(element, position));
        }
        positioned.sort(Comparator.comparingLong(Positioned::position));
        return positioned.stream().map(Positioned::element).toList();
    }

    private static long startPosition(Trees trees, Element element) {
        TreePath path = trees.getPath(element);
        if (path == null) {
            return -1;
        }
        CompilationUnitTree unit = path.getCompilationUnit();
        Tree tree = path.getLeaf();
        SourcePositions positions = trees.getSourcePositions();
        return positions.getStartPosition(unit, tree);
    }

    private record Positioned<E>(E element, long position) {}
}
