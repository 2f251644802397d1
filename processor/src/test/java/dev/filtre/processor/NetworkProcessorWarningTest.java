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
    void aSensibleNetworkHasNoWarning(TestCompiler compiler) {
        JavaFileObject source = network("Net", "@Network(input = {1, 28, 28})",
                "@Conv(filters = 8, size = 3, pad = 1) @Relu Layer conv1();",
                "@MaxPool Layer pool1();",
                "@Dropout(0.25) Layer drop1();",
                "@Dense(units = 10) @Softmax Layer out();");
        assertThat(compile(compiler, source)).hadWarningCount(0);
    }
}
