package dev.filtre.runtime.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class NamedKernelTest {
    @Test
    void looksUpEveryNameAndTheLecturesKernels() {
        for (NamedKernel named : NamedKernel.values()) {
            assertEquals(named.kernel(), NamedKernel.lookup(named.id()));
        }
        assertEquals(Kernel.parse("0 -1 0; -1 4 -1; 0 -1 0"), NamedKernel.lookup("laplacian"));
        assertEquals(Kernel.parse("-1 -1 -1; -1 8 -1; -1 -1 -1"), NamedKernel.lookup("Laplacian_II"));
        assertEquals(Kernel.parse("1 -1"), NamedKernel.lookup("vertical-edge"));
        assertEquals(Kernels.box(), NamedKernel.lookup("mean"));
    }

    @Test
    void parameterizedNames() {
        assertEquals(Kernels.box(5), NamedKernel.lookup("box:5"));
        assertEquals(Kernels.gaussian(2.5), NamedKernel.lookup("gaussian:2.5"));
        assertEquals("kernel 'box:x': 'x' is not a whole size",
                assertThrows(IllegalArgumentException.class, () -> NamedKernel.lookup("box:x"))
                        .getMessage());
        assertEquals("kernel 'sharpen' takes no parameter (only box:<size> and gaussian:<sigma> do)",
                assertThrows(IllegalArgumentException.class, () -> NamedKernel.lookup("sharpen:2"))
                        .getMessage());
    }

    @Test
    void unknownNameSuggestsTheClosest() {
        UnknownKernelException error =
                assertThrows(UnknownKernelException.class, () -> NamedKernel.lookup("sharpne"));

        assertEquals("sharpen", error.suggestions().get(0));
        assertEquals("unknown kernel 'sharpne'; did you mean " + String.join(", ",
                error.suggestions()) + "?", error.getMessage());
        assertEquals(List.of("laplacian", "laplacian-ii"),
                NamedKernel.closest("laplacan").subList(0, 2));
    }
}
