package dev.filtre.processor.write;

import com.palantir.javapoet.NameAllocator;

/**
 * Allocates the names of the generated class's members, so that no two collide whatever the
 * layers are called: a layer named {@code input} gets {@code inputOutput} and {@code INPUT_} rather
 * than clashing with the model's own {@code inputGradient} or {@code INPUT_SIZE}.
 *
 * <p>Fields and methods share one namespace (they could legally share names, but a reader should
 * not have to tell {@code forwardBatch} the method from {@code forwardBatch} the pass); constants
 * have their own. Names are handed out in call order, so the output is deterministic.
 */
final class Members {
    private final NameAllocator members = new NameAllocator();
    private final NameAllocator fields = new NameAllocator();
    private final NameAllocator constants = new NameAllocator();

    /** A field name, {@code suggestion} itself when no field or method has it. */
    String field(String suggestion) {
        String name = members.newName(suggestion);
        fields.newName(name);
        return name;
    }

    /** A method name, {@code suggestion} itself when no field or method has it. */
    String method(String suggestion) {
        return members.newName(suggestion);
    }

    /**
     * An allocator for the locals and parameters of one generated method: it starts from every
     * field name handed out so far, so that no local shadows a field.
     */
    NameAllocator locals() {
        return fields.clone();
    }

    /** A constant name, {@code suggestion} itself when it is free. */
    String constant(String suggestion) {
        return constants.newName(suggestion);
    }

    /** {@code conv1 -> CONV1}, {@code convBlock2 -> CONV_BLOCK2}. */
    static String upperSnake(String camel) {
        StringBuilder snake = new StringBuilder();
        for (int i = 0; i < camel.length(); i++) {
            char c = camel.charAt(i);
            if (Character.isUpperCase(c) && i > 0) {
                char previous = camel.charAt(i - 1);
                if (Character.isLowerCase(previous) || Character.isDigit(previous)) {
                    snake.append('_');
                }
            }
            snake.append(Character.toUpperCase(c));
        }
        return snake.toString();
    }

    /** {@code conv1 -> Conv1}. */
    static String capitalized(String name) {
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }
}
