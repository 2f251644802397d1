package dev.filtre.bench;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * A network exported by {@code pytorch_peer.py export} (one input {@code input} of shape {@code
 * [batch, 1, 28, 28]}, one output {@code probabilities} of shape {@code [batch, 10]}) in an ONNX
 * Runtime session with a given number of intra-op threads, all graph optimizations on.
 */
final class OnnxRuntimeModel implements AutoCloseable {
    private static final String INPUT = "input";

    private final OrtEnvironment environment = OrtEnvironment.getEnvironment();
    private final OrtSession session;
    private final int[] inputShape;

    /**
     * Opens {@code file} with {@code threads} intra-op threads (the calling thread is one of them).
     *
     * @param inputShape the shape of one sample, e.g. {@code {1, 28, 28}}
     */
    OnnxRuntimeModel(Path file, int threads, int[] inputShape) throws OrtException {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("no ONNX file " + file + "; run `pytorch_peer.py export` first");
        }
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(threads);
            options.setInterOpNumThreads(1);
            options.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            this.session = environment.createSession(file.toString(), options);
        }
        this.inputShape = inputShape.clone();
    }

    /** Runs {@code batch} samples stored one after the other and returns their outputs likewise. */
    float[] run(float[] inputs, int batch) throws OrtException {
        try (Call call = prepare(inputs, batch); OrtSession.Result result = session.run(call.feed)) {
            float[][] outputs = (float[][]) result.get(0).getValue();
            float[] flat = new float[batch * outputs[0].length];
            for (int i = 0; i < batch; i++) {
                System.arraycopy(outputs[i], 0, flat, i * outputs[i].length, outputs[i].length);
            }
            return flat;
        }
    }

    /**
     * Copies the first {@code batch} samples of {@code inputs} into a native tensor that
     * {@link Call#run()} feeds to the session again and again, as a server would.
     */
    Call prepare(float[] inputs, int batch) throws OrtException {
        int sampleSize = 1;
        long[] shape = new long[inputShape.length + 1];
        shape[0] = batch;
        for (int i = 0; i < inputShape.length; i++) {
            sampleSize *= inputShape[i];
            shape[i + 1] = inputShape[i];
        }
        FloatBuffer buffer = ByteBuffer.allocateDirect(batch * sampleSize * Float.BYTES)
                .order(ByteOrder.nativeOrder())
                .asFloatBuffer();
        buffer.put(inputs, 0, batch * sampleSize).flip();
        return new Call(OnnxTensor.createTensor(environment, buffer, shape));
    }

    /** One input tensor ready to be run. */
    final class Call implements AutoCloseable {
        private final OnnxTensor tensor;
        private final Map<String, OnnxTensor> feed;

        private Call(OnnxTensor tensor) {
            this.tensor = tensor;
            this.feed = Map.of(INPUT, tensor);
        }

        /** Runs the session on the tensor and discards the output. */
        void run() throws OrtException {
            try (OrtSession.Result result = session.run(feed)) {
                result.size();
            }
        }

        @Override
        public void close() {
            tensor.close();
        }
    }

    @Override
    public void close() throws OrtException {
        session.close();
    }
}
