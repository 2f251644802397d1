package dev.filtre.processor.check;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.filtre.processor.Declarations.network;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import dev.filtre.processor.Sources;
import dev.filtre.processor.TestCompiler;
import dev.filtre.processor.model.Activation;
import dev.filtre.processor.model.CheckedLayer;
import dev.filtre.processor.model.CheckedNetwork;
import dev.filtre.processor.model.Initializer;
import dev.filtre.processor.model.Operation;
import dev.filtre.processor.model.PoolKind;
import dev.filtre.processor.model.Shape;
import java.util.List;
import java.util.Optional;
import javax.tools.JavaFileObject;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The checked network of valid declarations: shapes, parameter counts (against the lecture and
 * the PyTorch reference networks), fused activations, flattening and initializers, under javac and
 * ECJ.
 */
class NetworkCheckerTest {

    /** Compiles {@code source} with only the read and check steps; expects no error. */
    private static CheckedNetwork check(TestCompiler compiler, JavaFileObject source, String type) {
        CheckingProcessor processor = new CheckingProcessor();
        Compilation compilation = compiler.compiler().withProcessors(processor).compile(source);
        assertThat(compilation).succeeded();
        CheckResult result = processor.results().get(type);
        assertTrue(result.report().isClean());
        return result.network().orElseThrow();
    }

    private static void assertLayer(
            CheckedLayer layer, String name, Shape input, Shape output, long parameters) {
        assertEquals(name, layer.name());
        assertEquals(input, layer.input(), name + " input");
        assertEquals(output, layer.output(), name + " output");
        assertEquals(parameters, layer.parameterCount(), name + " parameters");
    }

    @ParameterizedTest
    @EnumSource(TestCompiler.class)
    void lectureCs231nExampleHas56Parameters(TestCompiler compiler) {
        // The lecture: 5x5x3 input, padded by 1, two 3x3x3 filters moving by 2: 3x3x2 output,
        // 2 * 27 weights + 2 biases.
        JavaFileObject source = network("Cs231n", "@Network(input = {3, 5, 5})",
                "@Conv(filters = 2, size = 3, stride = 2, pad = 1) Layer conv();");
        CheckedNetwork network = check(compiler, source, "test.Cs231n");
        assertEquals(56, network.parameterCount());
        CheckedLayer conv = network.layers().get(0);
        assertLayer(conv, "conv", Shape.volume(3, 5, 5), Shape.volume(2, 3, 3), 56);
        assertEquals(new Operation.Conv(2, 3, 2, 1, false), conv.operation());
        assertArrayEquals(new int[] {2, 3, 3, 3}, conv.weightShape());
        assertEquals(Initializer.GLOROT_UNIFORM, conv.initializer());
        assertEquals(Optional.empty(), conv.activation());
    }

    @ParameterizedTest
    @EnumSource(TestCompiler.class)
    void leNet5Has61706Parameters(TestCompiler compiler) {
        // The reference vectors' net_lenet.json: 61706 parameters.
        JavaFileObject source = network("LeNet5", "@Network(input = {1, 28, 28})",
                "@Conv(filters = 6, size = 5, pad = 2) @Relu Layer conv1();",
                "@MaxPool(size = 2) Layer pool1();",
                "@Conv(filters = 16, size = 5) @Relu Layer conv2();",
                "@MaxPool(size = 2) Layer pool2();",
                "@Dense(units = 120) @Relu Layer fc1();",
                "@Dense(units = 84) @Relu Layer fc2();",
                "@Dense(units = 10) @Softmax Layer out();");
        CheckedNetwork network = check(compiler, source, "test.LeNet5");
        assertEquals(61_706, network.parameterCount());
        List<CheckedLayer> layers = network.layers();
        assertLayer(layers.get(0), "conv1", Shape.volume(1, 28, 28), Shape.volume(6, 28, 28), 156);
        assertLayer(layers.get(1), "pool1", Shape.volume(6, 28, 28), Shape.volume(6, 14, 14), 0);
        assertLayer(layers.get(2), "conv2", Shape.volume(6, 14, 14), Shape.volume(16, 10, 10), 2_416);
        assertLayer(layers.get(3), "pool2", Shape.volume(16, 10, 10), Shape.volume(16, 5, 5), 0);
        assertLayer(layers.get(4), "fc1", Shape.volume(16, 5, 5), Shape.vector(120), 48_120);
        assertLayer(layers.get(5), "fc2", Shape.vector(120), Shape.vector(84), 10_164);
        assertLayer(layers.get(6), "out", Shape.vector(84), Shape.vector(10), 850);
        assertTrue(layers.get(4).flattensInput());
        assertFalse(layers.get(5).flattensInput());
        assertEquals(new Operation.Pool(PoolKind.MAX, 2, 2, false), layers.get(1).operation());
        assertEquals(
                List.of(Initializer.HE_UNIFORM, Initializer.NONE, Initializer.HE_UNIFORM, Initializer.NONE,
                        Initializer.HE_UNIFORM, Initializer.HE_UNIFORM, Initializer.GLOROT_UNIFORM),
                layers.stream().map(CheckedLayer::initializer).toList());
        assertEquals(Optional.of(Activation.SOFTMAX), layers.get(6).activation());
        assertEquals(Optional.of(Activation.RELU), layers.get(0).activation());
        assertEquals(Optional.empty(), layers.get(1).activation());
        assertEquals(Shape.vector(10), network.output());
    }

    @ParameterizedTest
    @EnumSource(TestCompiler.class)
    void fashionNetHas421642Parameters(TestCompiler compiler) {
        JavaFileObject source = network("FashionNet", "@Network(input = {1, 28, 28})",
                "@Conv(filters = 32, size = 3, pad = 1) @Relu  Layer conv1();",
                "@MaxPool(size = 2)                             Layer pool1();",
                "@Conv(filters = 64, size = 3, pad = 1) @Relu  Layer conv2();",
                "@MaxPool(size = 2)                             Layer pool2();",
                "@Dropout(0.25)                                 Layer drop1();",
                "@Dense(units = 128) @Relu                      Layer fc1();",
                "@Dropout(0.5)                                  Layer drop2();",
                "@Dense(units = 10) @Softmax                    Layer out();");
        CheckedNetwork network = check(compiler, source, "test.FashionNet");
        assertEquals(421_642, network.parameterCount());
        List<CheckedLayer> layers = network.layers();
        assertEquals(
                List.of("conv1", "pool1", "conv2", "pool2", "drop1", "fc1", "drop2", "out"),
                layers.stream().map(CheckedLayer::name).toList());
        assertLayer(layers.get(4), "drop1", Shape.volume(64, 7, 7), Shape.volume(64, 7, 7), 0);
        assertEquals(new Operation.Dropout(0.25), layers.get(4).operation());
        assertLayer(layers.get(5), "fc1", Shape.volume(64, 7, 7), Shape.vector(128), 401_536);
        assertTrue(layers.get(5).flattensInput());
        assertEquals(
                List.of(320L, 0L, 18_496L, 0L, 0L, 401_536L, 0L, 1_290L),
                layers.stream().map(CheckedLayer::parameterCount).toList());
        assertEquals("FashionNetModel", network.modelSimpleName());
        assertEquals("test", network.packageName());
    }

    @ParameterizedTest
    @EnumSource(TestCompiler.class)
    void perceptron784To10Has235146Parameters(TestCompiler compiler) {
        JavaFileObject source = network("Perceptron", "@Network(input = {784})",
                "@Dense(units = 256) @Relu   Layer hidden1();",
                "@Dense(units = 128) @Relu   Layer hidden2();",
                "@Dense(units = 10) @Softmax Layer out();");
        CheckedNetwork network = check(compiler, source, "test.Perceptron");
        assertEquals(235_146, network.parameterCount());
        assertEquals(
                List.of(200_960L, 32_896L, 1_290L),
                network.layers().stream().map(CheckedLayer::parameterCount).toList());
        assertFalse(network.layers().get(0).flattensInput());
        assertEquals(Shape.vector(784), network.input());
    }

    @ParameterizedTest
    @EnumSource(TestCompiler.class)
    void standaloneActivationsAreLayersAndReluAfterALayerMakesItHe(TestCompiler compiler) {
        JavaFileObject source = network("Net", "@Network(input = {1, 8, 8})",
                "@Conv(filters = 2) Layer conv();",
                "@Relu Layer relu();",
                "@Flatten Layer flat();",
                "@Dense(units = 4) Layer fc();",
                "@Tanh Layer tanh();",
                "@Dense(units = 3) @Sigmoid Layer out();");
        List<CheckedLayer> layers = check(compiler, source, "test.Net").layers();
        assertEquals(new Operation.Standalone(Activation.RELU), layers.get(1).operation());
        assertLayer(layers.get(1), "relu", Shape.volume(2, 6, 6), Shape.volume(2, 6, 6), 0);
        assertLayer(layers.get(2), "flat", Shape.volume(2, 6, 6), Shape.vector(72), 0);
        assertFalse(layers.get(3).flattensInput());
        assertEquals(
                List.of(Initializer.HE_UNIFORM, Initializer.NONE, Initializer.NONE,
                        Initializer.GLOROT_UNIFORM, Initializer.NONE, Initializer.GLOROT_UNIFORM),
                layers.stream().map(CheckedLayer::initializer).toList());
        assertEquals(Optional.of(Activation.SIGMOID), layers.get(5).activation());
        assertEquals(new Operation.Standalone(Activation.TANH), layers.get(4).operation());
    }

    @ParameterizedTest
    @EnumSource(TestCompiler.class)
    void poolStrideIsTheSizeUnlessWrittenAndActivationsFuseIntoPooling(TestCompiler compiler) {
        JavaFileObject source = network("Net", "@Network(input = {3, 9, 9})",
                "@AvgPool(size = 3) Layer avg();",
                "@SumPool(size = 2, stride = 1) @Tanh Layer sum();");
        List<CheckedLayer> layers = check(compiler, source, "test.Net").layers();
        assertEquals(new Operation.Pool(PoolKind.AVG, 3, 3, false), layers.get(0).operation());
        assertEquals(Shape.volume(3, 3, 3), layers.get(0).output());
        assertEquals(new Operation.Pool(PoolKind.SUM, 2, 1, false), layers.get(1).operation());
        assertEquals(Shape.volume(3, 2, 2), layers.get(1).output());
        assertEquals(Optional.of(Activation.TANH), layers.get(1).activation());
    }

    @ParameterizedTest
    @EnumSource(TestCompiler.class)
    void floorDropsTheLastRowsAndColumns(TestCompiler compiler) {
        // (28 - 5) / 2 + 1 = 12.5, floored to 12 as PyTorch does; (12 - 3) / 2 + 1 = 5.5 -> 5.
        JavaFileObject source = network("Net", "@Network(input = {1, 28, 28})",
                "@Conv(filters = 4, size = 5, stride = 2, floor = true) Layer conv();",
                "@MaxPool(size = 3, stride = 2, floor = true) Layer pool();");
        List<CheckedLayer> layers = check(compiler, source, "test.Net").layers();
        assertEquals(Shape.volume(4, 12, 12), layers.get(0).output());
        assertEquals(Shape.volume(4, 5, 5), layers.get(1).output());
    }

    @ParameterizedTest
    @EnumSource(TestCompiler.class)
    void layersAreTheAbstractMethodsInSourceOrder(TestCompiler compiler) {
        // Names in reverse alphabetical order, with methods that are not layers in between:
        // the order must be the source's, not the names'.
        JavaFileObject source = network("Net", "@Network(input = {100})",
                "@Dense(units = 50) Layer zeta();",
                "default String describe() { return \"net\"; }",
                "@Dense(units = 40) Layer mu();",
                "static int version() { return 1; }",
                "@Dense(units = 30) Layer beta();",
                "@Dense(units = 20) Layer alpha();");
        List<CheckedLayer> layers = check(compiler, source, "test.Net").layers();
        assertEquals(
                List.of("zeta", "mu", "beta", "alpha"),
                layers.stream().map(CheckedLayer::name).toList());
        assertEquals(List.of(0, 1, 2, 3), layers.stream().map(CheckedLayer::index).toList());
        assertEquals(Shape.vector(50), layers.get(1).input());
    }

    @ParameterizedTest
    @EnumSource(TestCompiler.class)
    void nestedInterfaceNames(TestCompiler compiler) {
        JavaFileObject source = Sources.source("test.nested.Outer",
                "package test.nested;",
                "import dev.filtre.dsl.*;",
                "public class Outer {",
                "    @Network(input = {4})",
                "    public interface Inner {",
                "        @Dense(units = 2) Layer out();",
                "    }",
                "}");
        CheckedNetwork network = check(compiler, source, "test.nested.Outer.Inner");
        assertEquals("test.nested", network.packageName());
        assertEquals(List.of("Outer", "Inner"), network.simpleNames());
        assertEquals("Outer_InnerModel", network.modelSimpleName());
    }

    @ParameterizedTest
    @EnumSource(TestCompiler.class)
    void maxParametersAtTheCountIsEnough(TestCompiler compiler) {
        JavaFileObject source = network("Net", "@Network(input = {784}, maxParameters = 7850)",
                "@Dense(units = 10) @Softmax Layer out();");
        assertEquals(7_850, check(compiler, source, "test.Net").parameterCount());
    }

    @ParameterizedTest
    @EnumSource(TestCompiler.class)
    void noCheckedNetworkWhenAnyErrorIsReported(TestCompiler compiler) {
        CheckingProcessor processor = new CheckingProcessor();
        JavaFileObject source = network("Net", "@Network(input = {784})",
                "@Dense(units = 10) Layer out();",
                "@Dropout(1.5) Layer drop();");
        Compilation compilation = compiler.compiler().withProcessors(processor).compile(source);
        assertThat(compilation).hadErrorCount(1);
        CheckResult result = processor.results().get("test.Net");
        assertFalse(result.report().isClean());
        assertEquals(Optional.empty(), result.network());
        // One sub-report per layer; the error is in the second.
        assertEquals(2, result.report().subreports().size());
        assertTrue(result.report().subreports().get(0).items().isEmpty());
        assertEquals(
                List.of(Message.DROPOUT_RATE.format("drop", "1.5")),
                result.report().subreports().get(1).items().stream()
                        .map(ValidationReport.Item::message).toList());
    }
}
