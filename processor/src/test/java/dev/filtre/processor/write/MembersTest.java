package dev.filtre.processor.write;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class MembersTest {
    @Test
    void constantPrefixesAreUpperSnakeCase() {
        assertEquals("CONV1", Members.upperSnake("conv1"));
        assertEquals("FC1", Members.upperSnake("fc1"));
        assertEquals("CONV_BLOCK2", Members.upperSnake("convBlock2"));
        assertEquals("OUT2_LOGITS", Members.upperSnake("out2Logits"));
        assertEquals("CONV_1", Members.upperSnake("conv_1"));
    }

    @Test
    void takenNamesGetAnotherOne() {
        Members members = new Members();
        assertEquals("input", members.field("input"));
        assertEquals("input_", members.field("input"));
        assertEquals("forwardBatch", members.method("forwardBatch"));
        assertEquals("forwardBatch_", members.method("forwardBatch"));
        assertEquals("INPUT", members.constant("INPUT"));
        assertEquals("INPUT_", members.constant("INPUT"));
    }

    @Test
    void localsAvoidFieldsButNotMethods() {
        Members members = new Members();
        members.field("training");
        members.method("replica");
        assertEquals("training_", members.locals().newName("training"));
        assertEquals("replica", members.locals().newName("replica"));
    }
}
