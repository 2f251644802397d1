package dev.filtre.processor.write;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.palantir.javapoet.JavaFile;
import dev.filtre.dsl.Layer;
import dev.filtre.dsl.Model;
import dev.filtre.processor.model.Activation;
import dev.filtre.processor.model.CheckedNetwork;
import dev.filtre.processor.model.Operation;
import dev.filtre.processor.model.PoolKind;
import dev.filtre.processor.model.Shape;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The generated class's API beyond the numbers: constants, summary, handles, seeds, replicas, errors. */
class GeneratedModelTest {
    private static Class<?> lenetClass;

    @BeforeAll
    static void compileLenet() {
        lenetClass = ModelCompiler.compileClass(SummaryTableTest.lenet());
    }

    private static Model lenet() {
        return ModelCompiler.instantiate(lenetClass);
    }

    private static Object constant(String name) throws ReflectiveOperationException {
        return lenetClass.getField(name).get(null);
    }

    @Test
    void writingTheSameNetworkTwiceGivesTheSameSource() {
        assertEquals(new ModelWriter().write(SummaryTableTest.lenet(), null).toString(),
                new ModelWriter().write(SummaryTableTest.lenet(), null).toString());
    }

    @Test
    void isAPublicFinalGeneratedClassNamedAfterTheInterface() {
        JavaFile file = new ModelWriter().write(SummaryTableTest.lenet(), null);
        assertEquals("test", file.packageName());
        assertEquals("LeNetModel", file.typeSpec().name());
        String source = file.toString();
        assertTrue(source.contains("@Generated(\"dev.filtre.processor.NetworkProcessor\")"), source);
        assertTrue(source.contains("public final class LeNetModel implements LeNet, Model {"), source);
        assertEquals("LeNet", lenet().name());
    }

    @Test
    void javadocShowsTheSummaryTableEscapedForHtml() {
        String source = new ModelWriter().write(SummaryTableTest.lenet(), null).toString();
        assertTrue(source.contains(" * <pre>\n * LeNet (input 1x28x28)\n"), source);
        assertTrue(source.contains(" * conv1      Conv 6&#64;5x5 s1 p2 + ReLU   6x28x28              156\n"), source);
        assertTrue(source.contains(" * Total params: 61,706\n * </pre>"), source);
    }

    @Test
    void summaryIsTheTable() {
        assertEquals(SummaryTable.render(SummaryTableTest.lenet()), lenet().summary());
    }

    @Test
    void constantsNameEveryShapeAndOffset() throws ReflectiveOperationException {
        assertEquals(61706, constant("PARAMETERS"));
        assertEquals(784, constant("INPUT_SIZE"));
        assertEquals(1, constant("INPUT_CHANNELS"));
        assertEquals(10, constant("OUTPUT_SIZE"));
        assertEquals(0L, constant("DEFAULT_SEED"));
        assertEquals(6, constant("CONV1_CHANNELS"));
        assertEquals(28, constant("CONV1_HEIGHT"));
        assertEquals(28, constant("CONV1_WIDTH"));
        assertEquals(6 * 28 * 28, constant("CONV1_SIZE"));
        assertEquals(5, constant("CONV1_KERNEL"));
        assertEquals(2, constant("CONV1_PAD"));
        assertEquals(0, constant("CONV1_WEIGHT_OFFSET"));
        assertEquals(150, constant("CONV1_BIAS_OFFSET"));
        assertEquals(156, constant("CONV2_WEIGHT_OFFSET"));
        assertEquals(2, constant("POOL1_WINDOW"));
        assertEquals(120, constant("FC1_UNITS"));
        assertEquals(0.5, constant("DROP_RATE"));
        assertEquals(2f, constant("DROP_SCALE"));
        assertEquals(7, constant("OUT_INDEX"));
        assertEquals(61706 - 850, constant("OUT_WEIGHT_OFFSET"));
    }

    @Test
    void describesItsShapes() {
        Model model = lenet();
        assertArrayEquals(new int[] {1, 28, 28}, model.inputShape());
        assertEquals(784, model.inputSize());
        assertArrayEquals(new int[] {10}, model.outputShape());
        assertEquals(10, model.outputSize());
        assertEquals(61706, model.parameterCount());
        assertEquals(61706, model.parameters().length);
        assertEquals(61706, model.gradients().length);
        assertTrue(model.endsWithSoftmax());
    }

    @Test
    void layerHandlesDescribeEachLayerInOrder() throws ReflectiveOperationException {
        Model model = lenet();
        List<Layer> layers = model.layers();
        assertEquals(List.of("conv1", "pool1", "conv2", "pool2", "fc1", "drop", "fc2", "out"),
                layers.stream().map(Layer::name).toList());
        Layer conv2 = layers.get(2);
        assertSame(conv2, lenetClass.getMethod("conv2").invoke(model), "the interface method returns the handle");
        assertEquals(2, conv2.index());
        assertEquals("Conv 16@5x5 s1 p0 + ReLU", conv2.kind());
        assertArrayEquals(new int[] {6, 14, 14}, conv2.inputShape());
        assertArrayEquals(new int[] {16, 10, 10}, conv2.outputShape());
        assertArrayEquals(new int[] {16, 6, 5, 5}, conv2.weightShape());
        assertArrayEquals(new int[] {16}, conv2.biasShape());
        assertEquals(2416, conv2.parameterCount());
        assertEquals(156, conv2.weightOffset());
        assertEquals(156 + 2400, conv2.biasOffset());
        Layer fc1 = layers.get(4);
        assertArrayEquals(new int[] {16, 5, 5}, fc1.inputShape(), "a dense layer's input is the volume it flattens");
        assertArrayEquals(new int[] {120, 400}, fc1.weightShape());
        Layer pool1 = layers.get(1);
        assertEquals(0, pool1.parameterCount());
        assertArrayEquals(new int[0], pool1.weightShape());
        assertArrayEquals(new float[0], pool1.weights());
        assertArrayEquals(new float[0], pool1.bias());
    }

    @Test
    void layerHandlesReadAndWriteTheParameters() {
        Model model = lenet();
        Layer out = model.layers().get(7);
        float[] weights = new float[840];
        for (int i = 0; i < weights.length; i++) {
            weights[i] = i;
        }
        out.setWeights(weights);
        out.setBias(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
        assertArrayEquals(weights, out.weights());
        assertArrayEquals(new float[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10}, out.bias());
        assertEquals(839f, model.parameters()[out.weightOffset() + 839]);
        assertEquals(10f, model.parameters()[61705]);
        out.weights()[0] = -1;
        assertEquals(0f, model.parameters()[out.weightOffset()], "weights() is a copy");
    }

    @Test
    void settingTheWrongNumberOfValuesNamesTheLayerAndBothLengths() {
        Layer conv1 = lenet().layers().get(0);
        IllegalArgumentException weights = assertThrows(IllegalArgumentException.class,
                () -> conv1.setWeights(new float[149]));
        assertEquals("conv1: expected 150 weights [6, 1, 5, 5], given 149", weights.getMessage());
        IllegalArgumentException bias = assertThrows(IllegalArgumentException.class, () -> conv1.setBias(1, 2));
        assertEquals("conv1: expected 6 bias [6], given 2", bias.getMessage());
        Layer pool1 = lenet().layers().get(1);
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class, () -> pool1.setWeights(1));
        assertEquals("pool1: expected 0 weights [], given 1", none.getMessage());
    }

    @Test
    void inputsOfTheWrongSizeAreRejectedWithTheSizes() {
        Model model = lenet();
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> model.forward(new float[800], 20));
        assertEquals("LeNet: input needs 784 values from offset 20 but its array holds 800", error.getMessage());
        assertThrows(IllegalArgumentException.class, () -> model.backward(new float[9], 0));
        assertThrows(IllegalArgumentException.class, () -> model.forwardBatch(new float[784], 2, new float[20]));
        assertThrows(NullPointerException.class, () -> model.forward(null, 0));
    }

    @Test
    void initializeIsSeededBitForBit() {
        Model first = lenet();
        Model second = lenet();
        first.initialize(42);
        second.initialize(42);
        assertArrayEquals(first.parameters(), second.parameters());
        second.initialize(43);
        assertFalse(Arrays.equals(first.parameters(), second.parameters()));
        Model fresh = lenet();
        second.initialize(0);
        assertArrayEquals(fresh.parameters(), second.parameters(), "a new model is initialize(DEFAULT_SEED)");
    }

    /**
     * He uniform for layers followed by ReLU, Glorot uniform otherwise, biases 0, drawn in layer
     * order from one {@link SplittableRandom}: replaying the documented recipe gives the same bits.
     */
    @Test
    void initializeFollowsTheDocumentedRecipe() {
        Model model = lenet();
        model.initialize(7);
        SplittableRandom random = new SplittableRandom(7);
        float[] expected = new float[61706];
        int[][] layers = { // offset, weights, biases, fanIn, fanOut (0: He)
            {0, 150, 6, 25, 0},
            {156, 2400, 16, 150, 0},
            {2572, 48000, 120, 400, 0},
            {50692, 10080, 84, 120, 0},
            {60856, 840, 10, 84, 10},
        };
        for (int[] layer : layers) {
            double limit = layer[4] == 0 ? Math.sqrt(6.0 / layer[3]) : Math.sqrt(6.0 / (layer[3] + layer[4]));
            for (int i = 0; i < layer[1]; i++) {
                expected[layer[0] + i] = (float) random.nextDouble(-limit, limit);
            }
        }
        assertArrayEquals(expected, model.parameters());
    }

    @Test
    void replicaSharesTheParametersButNotTheBuffers() {
        Model model = lenet();
        Model replica = model.replica();
        assertSame(model.parameters(), replica.parameters());
        assertNotSame(model.gradients(), replica.gradients());
        assertNotSame(model.inputGradient(), replica.inputGradient());
        float[] image = new float[784];
        Arrays.fill(image, 0.5f);
        float[] mine = model.forward(image, 0);
        assertNotSame(mine, replica.forward(image, 0));
        assertArrayEquals(mine, replica.forward(image, 0));
        model.layers().get(7).setBias(1, 0, 0, 0, 0, 0, 0, 0, 0, 0);
        assertArrayEquals(model.forward(image, 0), replica.forward(image, 0), "a change is seen by both");
        float[] gradient = new float[10];
        gradient[3] = 1;
        replica.backward(gradient, 0);
        assertEquals(0f, sum(model.gradients()), "the replica's gradients are its own");
        assertTrue(sum(replica.gradients()) != 0f);
    }

    @Test
    void gradientsAccumulateUntilZeroed() {
        Model model = lenet();
        float[] image = new float[784];
        Arrays.fill(image, 0.25f);
        float[] gradient = {1, -1, 0, 0, 0, 0, 0, 0, 0, 0};
        model.forward(image, 0);
        model.backwardFromLogits(gradient, 0);
        float[] once = model.gradients().clone();
        model.backwardFromLogits(gradient, 0);
        for (int i = 0; i < once.length; i += 97) {
            assertEquals(2 * once[i], model.gradients()[i], 1e-6f * Math.abs(once[i]));
        }
        model.zeroGradients();
        assertEquals(0f, sum(model.gradients()));
    }

    @Test
    void batchesRunEachSample() {
        Model model = lenet();
        float[] images = new float[3 * 784];
        for (int i = 0; i < images.length; i++) {
            images[i] = (i % 17) / 17f;
        }
        float[] outputs = new float[30];
        model.forwardBatch(images, 3, outputs);
        // a batch runs the dense layers as one multiply, whose sums may round in another order
        for (int n = 0; n < 3; n++) {
            assertArrayEquals(model.forward(images, n * 784), Arrays.copyOfRange(outputs, n * 10, n * 10 + 10),
                    1e-6f);
        }
        float[] one = new float[12];
        model.forward(images, 784, one, 2);
        assertArrayEquals(model.forward(images, 784), Arrays.copyOfRange(one, 2, 12));
    }

    @Test
    void logitsAreTheValuesBeforeTheSoftmax() {
        Model model = lenet();
        float[] image = new float[784];
        Arrays.fill(image, 1f);
        float[] probabilities = model.forward(image, 0);
        float[] logits = model.logits();
        double total = 0;
        for (float logit : logits) {
            total += Math.exp(logit);
        }
        for (int k = 0; k < 10; k++) {
            assertEquals(Math.exp(logits[k]) / total, probabilities[k], 1e-6);
        }
    }

    @Test
    void firstNonFiniteLayerFindsWhereANanAppears() {
        Model model = lenet();
        float[] image = new float[784];
        model.forward(image, 0);
        assertEquals(-1, model.firstNonFiniteLayer());
        model.layers().get(4).setBias(new float[120]);
        float[] bias = new float[120];
        bias[5] = Float.NaN;
        model.layers().get(4).setBias(bias);
        model.forward(image, 0);
        assertEquals(4, model.firstNonFiniteLayer());
    }

    @Test
    void trainingModeIsOffUntilSetAndCopiedToReplicas() {
        Model model = lenet();
        assertFalse(model.isTraining());
        model.setTraining(true);
        assertTrue(model.isTraining());
        assertTrue(model.replica().isTraining());
    }

    @Test
    void replicaIsTypedAsTheModelClass() throws NoSuchMethodException {
        Method replica = lenetClass.getMethod("replica");
        assertSame(lenetClass, replica.getReturnType());
    }

    /**
     * Layers named like the model's own fields, locals and constants ({@code input}, {@code output},
     * {@code batch}, {@code training}) and a nested declaring interface still give a class that
     * compiles and runs: names are allocated, never assumed free. (A layer named like a {@link Model}
     * method, e.g. {@code parameters}, cannot be declared at all: the checker rejects it.)
     */
    @Test
    void awkwardNamesAndNestedInterfacesCompile() {
        CheckedNetwork network = Networks.nested("test.nested", List.of("Outer", "Inner"), Shape.vector(4))
                .layer("input", new Operation.Dense(3), Activation.TANH)
                .layer("batch", new Operation.Standalone(Activation.RELU))
                .layer("training", new Operation.Dropout(0.1))
                .layer("output", new Operation.Dense(2), Activation.SIGMOID)
                .build();
        assertEquals("Outer_InnerModel", network.modelSimpleName());
        Model model = ModelCompiler.compile(network);
        assertEquals("Inner", model.name());
        assertEquals(List.of("input", "batch", "training", "output"),
                model.layers().stream().map(Layer::name).toList());
        assertFalse(model.endsWithSoftmax());
        float[] output = model.forward(new float[] {1, 2, 3, 4}, 0);
        assertSame(output, model.logits(), "without a final softmax the logits are the output");
        model.backward(new float[] {1, 1}, 0);
        assertEquals(4, model.inputGradient().length);
    }

    /** A network of layers without parameters still implements the whole contract. */
    @Test
    void networksWithoutParametersWork() {
        Model model = ModelCompiler.compile(Networks.network("PoolOnly", Shape.volume(1, 4, 4))
                .layer("pool", new Operation.Pool(PoolKind.AVG, 2, 2, false))
                .layer("flat", new Operation.Flatten())
                .layer("soft", new Operation.Standalone(Activation.SOFTMAX))
                .build());
        assertEquals(0, model.parameterCount());
        model.initialize(3);
        float[] image = new float[16];
        image[0] = 4;
        float[] probabilities = model.forward(image, 0);
        assertEquals(1f, probabilities[0] + probabilities[1] + probabilities[2] + probabilities[3], 1e-6f);
        assertEquals(1f, model.logits()[0], "the logits are the input of the final softmax");
        assertTrue(model.endsWithSoftmax());
        model.backwardFromLogits(new float[] {4, 0, 0, 0}, 0);
        assertEquals(1f, model.inputGradient()[0], "dL/d logits, averaged over the window");
    }

    private static float sum(float[] values) {
        float sum = 0;
        for (float value : values) {
            sum += Math.abs(value);
        }
        return sum;
    }
}
