package dev.filtre.processor.model;

/** What a pooling window keeps: the lecture's max or sum, and the mean. */
public enum PoolKind {
    MAX("MaxPool"),
    AVG("AvgPool"),
    SUM("SumPool");

    private final String displayName;

    PoolKind(String displayName) {
        this.displayName = displayName;
    }

    public String displayName() {
        return displayName;
    }
}
