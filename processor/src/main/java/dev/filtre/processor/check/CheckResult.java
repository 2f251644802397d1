package dev.filtre.processor.check;

import dev.filtre.processor.model.CheckedNetwork;
import java.util.Optional;

/**
 * What checking a network gives: the report to print, and the checked network when the report
 * holds no error.
 */
public record CheckResult(ValidationReport report, Optional<CheckedNetwork> network) {}
