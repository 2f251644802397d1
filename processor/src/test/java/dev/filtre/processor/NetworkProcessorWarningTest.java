package dev.filtre.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.filtre.processor.Declarations.network;

import com.google.testing.compile.Compilation;
import dev.filtre.processor.check.Message;
import javax.tools.JavaFileObject;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Declarations that are legal but most likely not what the user meant get a warning. */
class NetworkProcessorWarningTest {

    private static Compilation compile(TestCompiler compiler, JavaFileObject source) {
        return compiler.compiler().withProcessors(new NetworkProcessor()).compile(source);
    }

    @ParameterizedTest
    @EnumSource(TestCompiler.class)
    void reluAfterAFusedRelu(TestCompiler compiler) {
        JavaFileObject source = network("Net", "@Network(input = {1, 8, 8})",
                "@Conv(filters = 4) @Relu Layer conv1();",
                "@Relu Layer relu1();",
                "@Dense(units = 10) Layer out();");
        assertThat(compile(compiler, source))
                .hadWarningContaining(Message.RELU_DOES_NOTHING.format("relu1", "ReLU", "conv1"))
                .inFile(source)
                .onLineContaining("@Relu Layer relu1()");
    }

    @ParameterizedTest
    @EnumSource(TestCompiler.class)
    void reluAfterSigmoidOrSoftmax(TestCompiler compiler) {
        JavaFileObject source = network("Net", "@Network(input = {16})",
                "@Dense(units = 8) @Sigmoid Layer fc1();",
                "@Relu Layer relu1();",
                "@Softmax Layer soft();",
                "@Relu Layer relu2();",
                "@Dense(units = 2) Layer out();");
        Compilation compilation = compile(compiler, source);
        assertThat(compilation)
                .hadWarningContaining(Message.RELU_DOES_NOTHING.format("relu1", "Sigmoid", "fc1"))
                .inFile(source)
                .onLineContaining("@Relu Layer relu1()");
        assertThat(compilation)
                .hadWarningContaining(Message.RELU_DOES_NOTHING.format("relu2", "Softmax", "soft"))
                .inFile(source)
                .onLineContaining("@Relu Layer relu2()");
    }

    @ParameterizedTest
    @EnumSource(TestCompiler.class)
    void twoDifferentActivationsInARow(TestCompiler compiler) {
        JavaFileObject source = network("Net", "@Network(input = {16})",
                "@Dense(units = 8) @Tanh Layer fc1();",
                "@Sigmoid Layer squash();",
                "@Dense(units = 2) Layer out();");
        assertThat(compile(compiler, source))
                .hadWarningContaining(
                        Message.ACTIVATIONS_IN_A_ROW.format("squash", "Sigmoid", "Tanh", "fc1"))
                .inFile(source)
                .onLineContaining("@Sigmoid Layer squash()");
    }

    @ParameterizedTest
    @EnumSource(TestCompiler.class)
    void softmaxBeforeTheLastLayer(TestCompiler compiler) {
        JavaFileObject source = network("Net", "@Network(input = {16})",
                "@Dense(units = 8) @Softmax Layer fc1();",
                "@Dense(units = 2) Layer out();");
        assertThat(compile(compiler, source))
                .hadWarningContaining(Message.SOFTMAX_NOT_LAST.format("fc1", "fc1", "out"))
                .inFile(source)
                .onLineContaining("@Softmax Layer fc1()");
    }

    @ParameterizedTest
    @EnumSource(TestCompiler.class)
    void dropoutAsTheLastLayer(TestCompiler compiler) {
        JavaFileObject source = network("Net", "@Network(input = {16})",
                "@Dense(units = 2) Layer out();",
                "@Dropout(0.5) Layer drop();");
        assertThat(compile(compiler, source))
                .hadWarningContaining(Message.DROPOUT_LAST.format("drop"))
                .inFile(source)
                .onLineContaining("@Dropout(0.5) Layer drop()");
    }

    @ParameterizedTest
    @EnumSource(TestCompiler.class)
    void dropoutOfZero(TestCompiler compiler) {
        JavaFileObject source = network("Net", "@Network(input = {16})",
                "@Dropout(0) Layer drop();",
                "@Dense(units = 2) Layer out();");
        assertThat(compile(compiler, source))
                .hadWarningContaining(Message.DROPOUT_DOES_NOTHING.format("drop"))
                .inFile(source)
                .onLineContaining("@Dropout(0) Layer drop()");
    }

    @ParameterizedTest
    @EnumSource(TestCompiler.class)
    void flattenOfAVector(TestCompiler compiler) {
        JavaFileObject source = network("Net", "@Network(input = {784})",
                "@Flatten Layer flat();",
                "@Dense(units = 2) Layer out();");
        assertThat(compile(compiler, source))
                .hadWarningContaining(Message.FLATTEN_DOES_NOTHING.format("flat", "784"))
                .inFile(source)
                .onLineContaining("@Flatten Layer flat()");
    }

    @ParameterizedTest
    @EnumSource(TestCompiler.class)
    void windowMovingByMoreThanItsSize(TestCompiler compiler) {
        // Both outputs are whole: (26 - 2) / 3 + 1 = 9, then (9 - 1) / 4 + 1 = 3.
        JavaFileObject source = network("Net", "@Network(input = {1, 26, 26})",
                "@Conv(filters = 2, size = 2,",
                "      stride = 3) Layer conv1();",
                "@MaxPool(size = 1, stride = 4) Layer pool1();",
                "@Dense(units = 2) Layer out();");
        Compilation compilation = compile(compiler, source);
        assertThat(compilation)
                .hadWarningContaining(Message.WINDOW_SKIPS_INPUT.format("conv1", 3, 2, 1, 3, 2))
                .inFile(source)
                .onLineContaining("stride = 3");
        assertThat(compilation)
                .hadWarningContaining(Message.WINDOW_SKIPS_INPUT.format("pool1", 4, 1, 3, 4, 1))
                .inFile(source)
                .onLineContaining("stride = 4");
    }

    @ParameterizedTest
    @EnumSource(TestCompiler.class)
    void padAsLargeAsTheFilter(TestCompiler compiler) {
        JavaFileObject source = network("Net", "@Network(input = {1, 8, 8})",
                "@Conv(filters = 2, size = 3,",
                "      pad = 3) Layer conv1();");
        Compilation compilation = compile(compiler, source);
        assertThat(compilation)
                .hadWarningContaining(Message.PAD_NOT_SMALLER_THAN_SIZE.format("conv1", 3, 3, 2))
                .inFile(source)
                .onLineContaining("pad = 3");
    }

    @ParameterizedTest
    @EnumSource(TestCompiler.class)
    void twoDropoutsInARow(TestCompiler compiler) {
        JavaFileObject source = network("Net", "@Network(input = {16})",
                "@Dropout(0.5) Layer drop1();",
                "@Dropout(0.5) Layer drop2();",
                "@Dense(units = 2) Layer out();");
        // Keeping a value takes surviving both: 0.5 * 0.5, so one dropout of 0.75 is the same.
        assertThat(compile(compiler, source))
                .hadWarningContaining(Message.DROPOUTS_IN_A_ROW.format("drop2", "drop1", "0.75"))
                .inFile(source)
                .onLineContaining("Layer drop2()");
    }

    @ParameterizedTest
    @EnumSource(TestCompiler.class)
    void aSensibleNetworkHasNoWarning(TestCompiler compiler) {
        JavaFileObject source = network("Net", "@Network(input = {1, 28, 28})",
                "@Conv(filters = 8, size = 3, pad = 1) @Relu Layer conv1();",
                "@MaxPool Layer pool1();",
                "@Dropout(0.25) Layer drop1();",
                "@Dense(units = 10) @Softmax Layer out();");
        assertThat(compile(compiler, source)).hadWarningCount(0);
    }
}
