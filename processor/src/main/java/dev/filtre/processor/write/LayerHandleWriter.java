package dev.filtre.processor.write;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.filtre.dsl.Layer;
import java.util.Arrays;
import java.util.Objects;
import javax.lang.model.element.Modifier;

/**
 * Writes {@code LayerHandle}, the model's inner class implementing {@link Layer}: one instance per
 * layer, reading and writing the model's parameter array at the layer's offsets. Setting weights
 * or a bias of the wrong length fails with an {@link IllegalArgumentException} that names the
 * layer, the expected length and the given one.
 */
final class LayerHandleWriter {
    private static final TypeName INTS = ArrayTypeName.of(TypeName.INT);
    private static final ClassName STRING = ClassName.get(String.class);
    private static final ClassName ARRAYS = ClassName.get(Arrays.class);

    private LayerHandleWriter() {}

    /** The handle class, an inner class of the model reading {@code parameters}. */
    static TypeSpec write(ClassName handle, FieldSpec parameters) {
        TypeSpec.Builder type = TypeSpec.classBuilder(handle)
                .addModifiers(Modifier.PRIVATE, Modifier.FINAL)
                .addSuperinterface(Layer.class)
                .addJavadoc("A handle on one layer: its shapes and a view of its slice of {@link #$N()}.\n",
                        parameters);
        addFields(type);
        addConstructor(type);
        addAccessors(type);
        addParameterAccess(type, parameters);
        addToString(type);
        return type.build();
    }

    private static void addFields(TypeSpec.Builder type) {
        type.addField(STRING, "name", Modifier.PRIVATE, Modifier.FINAL);
        type.addField(TypeName.INT, "index", Modifier.PRIVATE, Modifier.FINAL);
        type.addField(STRING, "kind", Modifier.PRIVATE, Modifier.FINAL);
        for (String shape : new String[] {"inputShape", "outputShape", "weightShape", "biasShape"}) {
            type.addField(INTS, shape, Modifier.PRIVATE, Modifier.FINAL);
        }
        for (String offset : new String[] {"weightOffset", "weightCount", "biasOffset", "biasCount"}) {
            type.addField(TypeName.INT, offset, Modifier.PRIVATE, Modifier.FINAL);
        }
    }

    private static void addConstructor(TypeSpec.Builder type) {
        type.addMethod(MethodSpec.constructorBuilder()
                .addParameter(STRING, "name")
                .addParameter(TypeName.INT, "index")
                .addParameter(STRING, "kind")
                .addParameter(INTS, "inputShape")
                .addParameter(INTS, "outputShape")
                .addParameter(INTS, "weightShape")
                .addParameter(INTS, "biasShape")
                .addParameter(TypeName.INT, "weightOffset")
                .addParameter(TypeName.INT, "biasOffset")
                .addStatement("this.name = name")
                .addStatement("this.index = index")
                .addStatement("this.kind = kind")
                .addStatement("this.inputShape = inputShape")
                .addStatement("this.outputShape = outputShape")
                .addStatement("this.weightShape = weightShape")
                .addStatement("this.biasShape = biasShape")
                .addStatement("this.weightOffset = weightOffset")
                .addStatement("this.weightCount = count(weightShape)")
                .addStatement("this.biasOffset = biasOffset")
                .addStatement("this.biasCount = count(biasShape)")
                .build());
        type.addMethod(MethodSpec.methodBuilder("count")
                .addModifiers(Modifier.PRIVATE)
                .returns(TypeName.INT)
                .addParameter(INTS, "shape")
                .addJavadoc("The number of values of a tensor of {@code shape}; 0 for the empty shape.\n")
                .beginControlFlow("if (shape.length == 0)")
                .addStatement("return 0")
                .endControlFlow()
                .addStatement("int count = 1")
                .beginControlFlow("for (int dimension : shape)")
                .addStatement("count *= dimension")
                .endControlFlow()
                .addStatement("return count")
                .build());
    }

    private static void addAccessors(TypeSpec.Builder type) {
        type.addMethod(getter("name", STRING, "name"));
        type.addMethod(getter("index", TypeName.INT, "index"));
        type.addMethod(getter("kind", STRING, "kind"));
        for (String shape : new String[] {"inputShape", "outputShape", "weightShape", "biasShape"}) {
            type.addMethod(getter(shape, INTS, shape + ".clone()"));
        }
        type.addMethod(getter("parameterCount", TypeName.INT, "weightCount + biasCount"));
        type.addMethod(getter("weightOffset", TypeName.INT, "weightOffset"));
        type.addMethod(getter("biasOffset", TypeName.INT, "biasOffset"));
    }

    private static MethodSpec getter(String name, TypeName type, String expression) {
        return MethodSpec.methodBuilder(name)
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .returns(type)
                .addStatement("return $L", expression)
                .build();
    }

    private static void addParameterAccess(TypeSpec.Builder type, FieldSpec parameters) {
        TypeName floats = Stage.FLOATS;
        type.addMethod(MethodSpec.methodBuilder("weights")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .returns(floats)
                .addStatement("return $T.copyOfRange($N, weightOffset, weightOffset + weightCount)", ARRAYS,
                        parameters)
                .build());
        type.addMethod(MethodSpec.methodBuilder("bias")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .returns(floats)
                .addStatement("return $T.copyOfRange($N, biasOffset, biasOffset + biasCount)", ARRAYS, parameters)
                .build());
        type.addMethod(setter("setWeights", "weights", "weightOffset", "weightCount", "weightShape", parameters));
        type.addMethod(setter("setBias", "bias", "biasOffset", "biasCount", "biasShape", parameters));
    }

    private static MethodSpec setter(String name, String values, String offset, String count, String shape,
            FieldSpec parameters) {
        return MethodSpec.methodBuilder(name)
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .addParameter(Stage.FLOATS, values)
                .varargs()
                .addStatement("$T.requireNonNull($N, $S)", Objects.class, values, values)
                .beginControlFlow("if ($N.length != $N)", values, count)
                .addStatement("throw new $T(name + $S + $N + $S + $T.toString($N) + $S + $N.length)",
                        IllegalArgumentException.class, ": expected ", count, " " + values + " ", ARRAYS, shape,
                        ", given ", values)
                .endControlFlow()
                .addStatement("$T.arraycopy($N, 0, $N, $N, $N)", System.class, values, parameters, offset, count)
                .build();
    }

    private static void addToString(TypeSpec.Builder type) {
        type.addMethod(MethodSpec.methodBuilder("toString")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .returns(STRING)
                .addStatement("return name + $S + kind", ": ")
                .build());
    }
}
