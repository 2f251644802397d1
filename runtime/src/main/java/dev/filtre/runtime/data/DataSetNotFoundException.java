package dev.filtre.runtime.data;

import java.io.IOException;

/** A data set's files are not where they were looked for; the message says how to get them. */
public final class DataSetNotFoundException extends IOException {
    DataSetNotFoundException(String message) {
        super(message);
    }
}
