package dev.filtre.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.filtre.processor.Declarations.network;

import com.google.testing.compile.Compilation;
import dev.filtre.processor.check.Message;
import javax.tools.JavaFileObject;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every mistake a user can make in a declaration is a compile error naming the layer, on the line
 * of the attribute that causes it (or of the annotation, when the attribute was left out), under
 * javac and under the Eclipse compiler.
 */
class NetworkProcessorNegativeTest {
    private static final String MNIST = "@Network(input = {1, 28, 28})";

    private static Compilation compile(TestCompiler compiler, JavaFileObject source) {
        return compiler.compiler().withProcessors(new NetworkProcessor()).compile(source);
    }

    // Output sizes.

    @ParameterizedTest
    @EnumSource(TestCompiler.class)
    void convOutputNotWhole(TestCompiler compiler) {
        JavaFileObject source = network("Net", MNIST,
                "@Conv(filters = 6, size = 5, stride = 2) @Relu Layer conv1();",
                "@Dense(units = 10) Layer out();");
        Compilation compilation = compile(compiler, source);
        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation)
                .hadErrorContaining(Message.CONV_OUTPUT_NOT_WHOLE.format(
                        "conv1", "height and width", 28, 5, 0, 2, "12.5",
                        "stride = 1, or size = 4 or 6, or floor = true to drop the last row and column"))
                .inFile(source)
                .onLineContaining("stride = 2");
    }

    @ParameterizedTest
    @EnumSource(TestCompiler.class)
    void convOutputNotWholeOnEachSideOfAnOblongInput(TestCompiler compiler) {
        JavaFileObject source = network("Net", "@Network(input = {3, 32, 28})",
                "@Conv(filters = 6, size = 5,",
                "      stride = 2) Layer conv1();");
        Compilation compilation = compile(compiler, source);
        assertThat(compilation).hadErrorCount(2);
        assertThat(compilation)
                .hadErrorContaining(Message.CONV_OUTPUT_NOT_WHOLE.format(
                        "conv1", "height", 32, 5, 0, 2, "14.5",
                        "stride = 1, or size = 4 or 6, or floor = true to drop the last row"))
                .inFile(source)
                .onLineContaining("stride = 2");
        assertThat(compilation)
                .hadErrorContaining(Message.CONV_OUTPUT_NOT_WHOLE.format(
                        "conv1", "width", 28, 5, 0, 2, "12.5",
                        "stride = 1, or size = 4 or 6, or floor = true to drop the last column"))
                .inFile(source)
                .onLineContaining("stride = 2");
    }

    @ParameterizedTest
    @EnumSource(TestCompiler.class)
    void convOutputNotWholeSuggestsAPad(TestCompiler compiler) {
        JavaFileObject source = network("Net", MNIST,
                "@Conv(filters = 8, size = 3, stride = 3) Layer conv1();");
        assertThat(compile(compiler, source))
                .hadErrorContaining(Message.CONV_OUTPUT_NOT_WHOLE.format(
                        "conv1", "height and width", 28, 3, 0, 3, "9.33",
                        "stride = 1, or pad = 1, or size = 1 or 4, or floor = true to drop the last"
                                + " row and column"))
                .inFile(source)
                .onLineContaining("stride = 3");
    }

    @ParameterizedTest
    @EnumSource(TestCompiler.class)
    void poolOutputNotWholeIsOnTheSizeWhenTheStrideIsLeftOut(TestCompiler compiler) {
        JavaFileObject source = network("Net", MNIST,
                "@Conv(filters = 4, size = 3, pad = 1) Layer conv1();",
                "@MaxPool(size = 3) Layer pool1();");
        Compilation compilation = compile(compiler, source);
        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation)
                .hadErrorContaining(Message.POOL_OUTPUT_NOT_WHOLE.format(
                        "pool1", "height and width", 28, 3, 3, "9.33",
                        "stride = 1, or size = 2 or 4, or floor = true to drop the last row and column"))
                .inFile(source)
                .onLineContaining("size = 3) Layer pool1");
    }

    @ParameterizedTest
    @EnumSource(TestCompiler.class)
    void everyPoolingChecksItsOutput(TestCompiler compiler) {
        JavaFileObject source = network("Net", "@Network(input = {1, 9, 9})",
                "@AvgPool Layer avg();",
                "@SumPool(stride = 2) Layer sum();");
        Compilation compilation = compile(compiler, source);
        // avg's 4.5 makes sum's input unknown; a 1x1 pool would fit but is no fix.
        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation)
                .hadErrorContaining(Message.POOL_OUTPUT_NOT_WHOLE.format(
                        "avg", "height and width", 9, 2, 2, "4.5",
                        "stride = 1, or size = 3, or floor = true to drop the last row and column"))
                .inFile(source)
                .onLineContaining("@AvgPool");
    }

    @ParameterizedTest
    @EnumSource(TestCompiler.class)
    void convWindowLargerThanThePaddedInput(TestCompiler compiler) {
        JavaFileObject source = network("Net", MNIST,
                "@Conv(filters = 4, size = 30) Layer conv1();");
        assertThat(compile(compiler, source))
                .hadErrorContaining(Message.CONV_WINDOW_TOO_LARGE.format(
                        "conv1", "height and width", 28, 30, 0, 1, "-1", 30, 30, 28, 0, 28,
                        "size = 28, or pad = 1"))
                .inFile(source)
                .onLineContaining("size = 30");
    }

    @ParameterizedTest
    @EnumSource(TestCompiler.class)
    void poolWindowLargerThanTheInputEvenWhenFlooring(TestCompiler compiler) {
        JavaFileObject source = network("Net", "@Network(input = {2, 4, 4})",
                "@MaxPool(size = 5, floor = true) Layer pool1();");
        assertThat(compile(compiler, source))
                .hadErrorContaining(Message.POOL_WINDOW_TOO_LARGE.format(
                        "pool1", "height and width", 4, 5, 5, "0.8", 5, 5, 4, "size = 4"))
                .inFile(source)
                .onLineContaining("size = 5");
    }

    @ParameterizedTest
    @EnumSource(TestCompiler.class)
    void layerOutputTooLargeForAnArray(TestCompiler compiler) {
        JavaFileObject source = network("Net", "@Network(input = {1, 2000, 2000})",
                "@Conv(filters = 1000, size = 1) Layer wide();");
        assertThat(compile(compiler, source))
                .hadErrorContaining(Message.SHAPE_TOO_LARGE.format(
                        "wide", "1000x2000x2000", 4_000_000_000L, Integer.MAX_VALUE - 8))
                .inFile(source)
                .onLineContaining("Layer wide()");
    }

    // Hyperparameters alone.

    @ParameterizedTest
    @EnumSource(TestCompiler.class)
    void filtersNotPositive(TestCompiler compiler) {
        JavaFileObject source = network("Net", MNIST, "@Conv(filters = 0) Layer conv1();");
        assertThat(compile(compiler, source))
                .hadErrorContaining(Message.NOT_POSITIVE.format("conv1", "filters", 0, "filters"))
                .inFile(source)
                .onLineContaining("filters = 0");
    }

    @ParameterizedTest
    @EnumSource(TestCompiler.class)
    void convSizeStrideAndPadAllReported(TestCompiler compiler) {
        JavaFileObject source = network("Net", MNIST,
                "@Conv(filters = 4,",
                "      size = 0,",
                "      stride = -1,",
                "      pad = -2) Layer conv1();");
        Compilation compilation = compile(compiler, source);
        assertThat(compilation).hadErrorCount(3);
        assertThat(compilation)
                .hadErrorContaining(Message.NOT_POSITIVE.format("conv1", "size", 0, "size"))
                .inFile(source)
                .onLineContaining("size = 0");
        assertThat(compilation)
                .hadErrorContaining(Message.NOT_POSITIVE.format("conv1", "stride", -1, "stride"))
                .inFile(source)
                .onLineContaining("stride = -1");
        assertThat(compilation)
                .hadErrorContaining(Message.NEGATIVE_PAD.format("conv1", -2))
                .inFile(source)
                .onLineContaining("pad = -2");
    }

    @ParameterizedTest
    @EnumSource(TestCompiler.class)
    void unitsNotPositive(TestCompiler compiler) {
        JavaFileObject source = network("Net", "@Network(input = {784})",
                "@Dense(units = -10) Layer out();");
        assertThat(compile(compiler, source))
                .hadErrorContaining(Message.NOT_POSITIVE.format("out", "units", -10, "units"))
                .inFile(source)
                .onLineContaining("units = -10");
    }

    @ParameterizedTest
    @EnumSource(TestCompiler.class)
    void poolSizeAndWrittenStrideNotPositive(TestCompiler compiler) {
        JavaFileObject source = network("Net", MNIST,
                "@MaxPool(size = -2) Layer pool1();",
                "@SumPool(stride = 0) Layer pool2();");
        Compilation compilation = compile(compiler, source);
        assertThat(compilation)
                .hadErrorContaining(Message.NOT_POSITIVE.format("pool1", "size", -2, "size"))
                .inFile(source)
                .onLineContaining("size = -2");
        assertThat(compilation)
                .hadErrorContaining(Message.POOL_STRIDE_NOT_POSITIVE.format("pool2", 0, 2))
                .inFile(source)
                .onLineContaining("stride = 0");
    }

    @ParameterizedTest
    @EnumSource(TestCompiler.class)
    void dropoutRateOutsideZeroToOne(TestCompiler compiler) {
        JavaFileObject source = network("Net", "@Network(input = {784})",
                "@Dropout(1.0) Layer drop1();",
                "@Dropout(value = -0.25) Layer drop2();",
                "@Dense(units = 10) Layer out();");
        Compilation compilation = compile(compiler, source);
        assertThat(compilation).hadErrorCount(2);
        assertThat(compilation)
                .hadErrorContaining(Message.DROPOUT_RATE.format("drop1", "1"))
                .inFile(source)
                .onLineContaining("@Dropout(1.0)");
        assertThat(compilation)
                .hadErrorContaining(Message.DROPOUT_RATE.format("drop2", "-0.25"))
                .inFile(source)
                .onLineContaining("value = -0.25");
    }

    // The input.

    @ParameterizedTest
    @EnumSource(TestCompiler.class)
    void inputOfTwoDimensions(TestCompiler compiler) {
        JavaFileObject source = network("Net", "@Network(input = {28, 28})",
                "@Dense(units = 10) Layer out();");
        assertThat(compile(compiler, source))
                .hadErrorContaining(Message.INPUT_RANK.format("{28, 28}", 2))
                .inFile(source)
                .onLineContaining("input = {28, 28}");
    }

    @ParameterizedTest
    @EnumSource(TestCompiler.class)
    void inputWithADimensionNotPositive(TestCompiler compiler) {
        JavaFileObject source = network("Net", "@Network(input = {1, 0, 28})",
                "@Dense(units = 10) Layer out();");
        Compilation compilation = compile(compiler, source);
        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation)
                .hadErrorContaining(Message.INPUT_NOT_POSITIVE.format("{1, 0, 28}", "height", 0))
                .inFile(source)
                .onLineContaining("input = {1, 0, 28}");
    }

    @ParameterizedTest
    @EnumSource(TestCompiler.class)
    void inputVectorNotPositive(TestCompiler compiler) {
        JavaFileObject source = network("Net", "@Network(input = -784)",
                "@Dense(units = 10) Layer out();");
        assertThat(compile(compiler, source))
                .hadErrorContaining(Message.INPUT_NOT_POSITIVE.format("{-784}", "size", -784))
                .inFile(source)
                .onLineContaining("input = -784");
    }

    @ParameterizedTest
    @EnumSource(TestCompiler.class)
    void inputTooLargeForAnArray(TestCompiler compiler) {
        JavaFileObject source = network("Net", "@Network(input = {100000, 1000, 1000})",
                "@Dense(units = 10) Layer out();");
        assertThat(compile(compiler, source))
                .hadErrorContaining(Message.INPUT_TOO_LARGE.format(
                        "{100000, 1000, 1000}", 100_000_000_000L, Integer.MAX_VALUE - 8))
                .inFile(source)
                .onLineContaining("input = {100000, 1000, 1000}");
    }

    // Shapes between layers.

    @ParameterizedTest
    @EnumSource(TestCompiler.class)
    void convAfterTheShapeBecameAVector(TestCompiler compiler) {
        JavaFileObject source = network("Net", MNIST,
                "@Dense(units = 120) @Relu Layer fc1();",
                "@Conv(filters = 4) Layer conv2();",
                "@MaxPool Layer pool2();");
        Compilation compilation = compile(compiler, source);
        assertThat(compilation).hadErrorCount(1); // pool2's input is unknown: no second error
        assertThat(compilation)
                .hadErrorContaining(Message.NEEDS_VOLUME.format("conv2", "Conv", "120", "fc1"))
                .inFile(source)
                .onLineContaining("@Conv(filters = 4)");
    }

    @ParameterizedTest
    @EnumSource(TestCompiler.class)
    void poolingOnAVectorInput(TestCompiler compiler) {
        JavaFileObject source = network("Net", "@Network(input = {784})",
                "@AvgPool(size = 2) Layer pool1();");
        assertThat(compile(compiler, source))
                .hadErrorContaining(Message.NEEDS_VOLUME.format("pool1", "AvgPool", "784", "the input"))
                .inFile(source)
                .onLineContaining("@AvgPool(size = 2)");
    }

    @ParameterizedTest
    @EnumSource(TestCompiler.class)
    void softmaxOnAVolume(TestCompiler compiler) {
        JavaFileObject fused = network("Net", "@Network(input = {1, 8, 8})",
                "@Conv(filters = 4) @Softmax Layer conv1();");
        assertThat(compile(compiler, fused))
                .hadErrorContaining(Message.SOFTMAX_NEEDS_VECTOR.format("conv1", "4x6x6", "conv1"))
                .inFile(fused)
                .onLineContaining("@Softmax Layer conv1()");
        JavaFileObject standalone = network("Net", "@Network(input = {1, 8, 8})",
                "@Softmax Layer soft();");
        assertThat(compile(compiler, standalone))
                .hadErrorContaining(Message.SOFTMAX_NEEDS_VECTOR.format("soft", "1x8x8", "the input"))
                .inFile(standalone)
                .onLineContaining("@Softmax Layer soft()");
    }

    @ParameterizedTest
    @EnumSource(TestCompiler.class)
    void everyErrorIsReportedButNoneIsAConsequenceOfAnother(TestCompiler compiler) {
        JavaFileObject source = network("Net", MNIST,
                "@Conv(filters = 6, size = 5, stride = 2) Layer conv1();",
                "@Conv(filters = 16, size = 27) Layer conv2();",
                "@Dense(units = 0) Layer fc1();",
                "@Conv(filters = 4) Layer conv3();",
                "@Dropout(2) Layer drop();");
        Compilation compilation = compile(compiler, source);
        // conv2 would not fit conv1's 12x12 output, and conv3 would come after a vector, but their
        // inputs are unknown after conv1's and fc1's errors.
        assertThat(compilation).hadErrorCount(3);
        assertThat(compilation).hadErrorContaining("conv1: ").inFile(source).onLineContaining("stride = 2");
        assertThat(compilation)
                .hadErrorContaining(Message.NOT_POSITIVE.format("fc1", "units", 0, "units"))
                .inFile(source)
                .onLineContaining("units = 0");
        assertThat(compilation)
                .hadErrorContaining(Message.DROPOUT_RATE.format("drop", "2"))
                .inFile(source)
                .onLineContaining("@Dropout(2)");
    }

    // Layer methods.

    @ParameterizedTest
    @EnumSource(TestCompiler.class)
    void layerMethodWithParameters(TestCompiler compiler) {
        JavaFileObject source = network("Net", "@Network(input = {784})",
                "@Dense(units = 10) Layer out(int units);");
        assertThat(compile(compiler, source))
                .hadErrorContaining(Message.LAYER_HAS_PARAMETERS.format("out", 1))
                .inFile(source)
                .onLineContaining("Layer out(int units)");
    }

    @ParameterizedTest
    @EnumSource(TestCompiler.class)
    void layerMethodReturningAnotherType(TestCompiler compiler) {
        JavaFileObject source = network("Net", "@Network(input = {784})",
                "@Dense(units = 10) Model out();");
        assertThat(compile(compiler, source))
                .hadErrorContaining(Message.LAYER_RETURN_TYPE.format("out", "dev.filtre.dsl.Model"))
                .inFile(source)
                .onLineContaining("Model out()");
    }

    @ParameterizedTest
    @EnumSource(TestCompiler.class)
    void genericLayerMethod(TestCompiler compiler) {
        JavaFileObject source = network("Net", "@Network(input = {784})",
                "@Dense(units = 10) <T> Layer out();");
        assertThat(compile(compiler, source))
                .hadErrorContaining(Message.GENERIC_LAYER.format("out"))
                .inFile(source)
                .onLineContaining("<T> Layer out()");
    }

    @ParameterizedTest
    @EnumSource(TestCompiler.class)
    void abstractMethodWithoutLayerAnnotation(TestCompiler compiler) {
        JavaFileObject source = network("Net", "@Network(input = {784})",
                "@Dense(units = 10) Layer out();",
                "Layer forgotten();",
                "default Layer notALayer() { return out(); }",
                "static int notALayerEither() { return 1; }");
        Compilation compilation = compile(compiler, source);
        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation)
                .hadErrorContaining(Message.MISSING_LAYER_ANNOTATION.format("forgotten"))
                .inFile(source)
                .onLineContaining("Layer forgotten()");
    }

    @ParameterizedTest
    @EnumSource(TestCompiler.class)
    void layerNamedLikeAModelMethod(TestCompiler compiler) {
        JavaFileObject source = network("Net", "@Network(input = {784})",
                "@Dense(units = 10) Layer summary();");
        assertThat(compile(compiler, source))
                .hadErrorContaining(Message.RESERVED_NAME.format("summary", "summary", "dev.filtre.dsl.Model"))
                .inFile(source)
                .onLineContaining("Layer summary()");
    }

    @ParameterizedTest
    @EnumSource(TestCompiler.class)
    void twoLayerAnnotationsOnOneMethod(TestCompiler compiler) {
        JavaFileObject source = network("Net", MNIST,
                "@Conv(filters = 4)",
                "@Dense(units = 10)",
                "Layer both();");
        assertThat(compile(compiler, source))
                .hadErrorContaining(Message.TWO_LAYER_ANNOTATIONS.format("both", "Conv", "Dense"))
                .inFile(source)
                .onLineContaining("@Dense(units = 10)");
    }

    @ParameterizedTest
    @EnumSource(TestCompiler.class)
    void twoActivationsOnOneMethod(TestCompiler compiler) {
        JavaFileObject source = network("Net", "@Network(input = {784})",
                "@Dense(units = 10) @Softmax",
                "@Sigmoid Layer out();");
        assertThat(compile(compiler, source))
                .hadErrorContaining(Message.TWO_ACTIVATIONS.format("out", "Softmax", "Sigmoid"))
                .inFile(source)
                .onLineContaining("@Sigmoid");
    }

    @ParameterizedTest
    @EnumSource(TestCompiler.class)
    void activationOnALayerItCannotBePartOf(TestCompiler compiler) {
        JavaFileObject source = network("Net", "@Network(input = {784})",
                "@Dropout(0.5)",
                "@Relu Layer drop();",
                "@Dense(units = 10) Layer out();");
        assertThat(compile(compiler, source))
                .hadErrorContaining(Message.ACTIVATION_NOT_FUSABLE.format("drop", "Relu", "Dropout"))
                .inFile(source)
                .onLineContaining("@Relu");
    }

    // The network as a whole.

    @ParameterizedTest
    @EnumSource(TestCompiler.class)
    void noLayers(TestCompiler compiler) {
        JavaFileObject source = network("Empty", "@Network(input = {784})",
                "default int notALayer() { return 0; }");
        assertThat(compile(compiler, source))
                .hadErrorContaining(Message.NO_LAYERS.format("Empty"))
                .inFile(source)
                .onLineContaining("@Network(input = {784})");
    }

    @ParameterizedTest
    @EnumSource(TestCompiler.class)
    void maxParametersExceededListsEveryLayer(TestCompiler compiler) {
        JavaFileObject source = network("LeNet5", "@Network(input = {1, 28, 28},"
                        + "\n    maxParameters = 60000)",
                "@Conv(filters = 6, size = 5, pad = 2) @Relu Layer conv1();",
                "@MaxPool(size = 2) Layer pool1();",
                "@Conv(filters = 16, size = 5) @Relu Layer conv2();",
                "@MaxPool(size = 2) Layer pool2();",
                "@Dense(units = 120) @Relu Layer fc1();",
                "@Dense(units = 84) @Relu Layer fc2();",
                "@Dense(units = 10) @Softmax Layer out();");
        String table = "conv1 156; pool1 0; conv2 2,416; pool2 0; fc1 48,120; fc2 10,164; out 850;"
                + " total 61,706";
        assertThat(compile(compiler, source))
                .hadErrorContaining(Message.TOO_MANY_PARAMETERS.format("LeNet5", 61_706, 60_000, table))
                .inFile(source)
                .onLineContaining("maxParameters = 60000");
    }

    @ParameterizedTest
    @EnumSource(TestCompiler.class)
    void maxParametersNotPositive(TestCompiler compiler) {
        JavaFileObject source = network("Net", "@Network(input = {784}, maxParameters = 0)",
                "@Dense(units = 10) Layer out();");
        assertThat(compile(compiler, source))
                .hadErrorContaining(Message.MAX_PARAMETERS_INVALID.format(0))
                .inFile(source)
                .onLineContaining("maxParameters = 0");
    }

    @ParameterizedTest
    @EnumSource(TestCompiler.class)
    void parametersTooManyForAnArray(TestCompiler compiler) {
        JavaFileObject source = network("Huge", "@Network(input = {100000})",
                "@Dense(units = 100000) Layer fc();");
        assertThat(compile(compiler, source))
                .hadErrorContaining(Message.TOO_MANY_PARAMETERS_FOR_AN_ARRAY.format(
                        "Huge", 10_000_100_000L, Integer.MAX_VALUE - 8,
                        "fc 10,000,100,000; total 10,000,100,000"))
                .inFile(source)
                .onLineContaining("@Network(input = {100000})");
    }

    @ParameterizedTest
    @EnumSource(TestCompiler.class)
    void networkOnAClassAnEnumAnAnnotationOrARecord(TestCompiler compiler) {
        String[][] declarations = {
            {"public abstract class Net {", "a class"},
            {"public enum Net { A;", "an enum"},
            {"public @interface Net {", "an annotation type"},
            {"public record Net(int a) {", "a record"},
        };
        for (String[] declaration : declarations) {
            JavaFileObject source = Sources.source("test.Net",
                    "package test;",
                    "import dev.filtre.dsl.*;",
                    "@Network(input = {784})",
                    declaration[0],
                    "}");
            Compilation compilation = compile(compiler, source);
            String message = Message.NOT_AN_INTERFACE.format("Net", declaration[1], "Net");
            assertThat(compilation).hadErrorCount(1);
            if (compiler == TestCompiler.ECJ && declaration[1].equals("a record")) {
                // ECJ 3.38's BaseMessagerImpl.createProblem locates elements by ElementKind and
                // has no case for RECORD: the error is reported, without a file or line.
                assertThat(compilation).hadErrorContaining(message);
                continue;
            }
            assertThat(compilation)
                    .hadErrorContaining(message)
                    .inFile(source)
                    .onLineContaining("@Network(input = {784})");
        }
    }

    @ParameterizedTest
    @EnumSource(TestCompiler.class)
    void genericNetwork(TestCompiler compiler) {
        JavaFileObject source = Sources.source("test.Net",
                "package test;",
                "import dev.filtre.dsl.*;",
                "@Network(input = {784})",
                "public interface Net<T, U> {",
                "    @Dense(units = 10) Layer out();",
                "}");
        assertThat(compile(compiler, source))
                .hadErrorContaining(Message.GENERIC_NETWORK.format("Net", "T, U"))
                .inFile(source)
                .onLineContaining("@Network(input = {784})");
    }

    @ParameterizedTest
    @EnumSource(TestCompiler.class)
    void privateNestedNetwork(TestCompiler compiler) {
        JavaFileObject source = Sources.source("test.Outer",
                "package test;",
                "import dev.filtre.dsl.*;",
                "public class Outer {",
                "    @Network(input = {784})",
                "    private interface Net {",
                "        @Dense(units = 10) Layer out();",
                "    }",
                "}");
        assertThat(compile(compiler, source))
                .hadErrorContaining(Message.PRIVATE_NETWORK.format("Net", "Outer_NetModel", "Net"))
                .inFile(source)
                .onLineContaining("@Network(input = {784})");
    }

    @ParameterizedTest
    @EnumSource(TestCompiler.class)
    void inheritedLayers(TestCompiler compiler) {
        JavaFileObject source = Sources.source("test.Net",
                "package test;",
                "import dev.filtre.dsl.*;",
                "@Network(input = {784})",
                "public interface Net extends Base {",
                "    @Dense(units = 10) Layer out();",
                "}",
                "interface Base {",
                "    @Dense(units = 32) Layer hidden();",
                "}");
        assertThat(compile(compiler, source))
                .hadErrorContaining(Message.INHERITED_LAYER.format("Net", "Base", "hidden"))
                .inFile(source)
                .onLineContaining("@Network(input = {784})");
    }
}
