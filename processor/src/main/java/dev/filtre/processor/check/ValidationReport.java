package dev.filtre.processor.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import javax.annotation.processing.Messager;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.tools.Diagnostic;

/**
 * What checking one element found: errors and warnings, each on an element and, where it helps,
 * the annotation and the attribute value it is about; plus one sub-report per part (a network
 * has one per layer). Modelled on Dagger's {@code ValidationReport}.
 */
public final class ValidationReport {
    private final Element subject;
    private final List<Item> items;
    private final List<ValidationReport> subreports;

    private ValidationReport(Element subject, List<Item> items, List<ValidationReport> subreports) {
        this.subject = subject;
        this.items = List.copyOf(items);
        this.subreports = List.copyOf(subreports);
    }

    /**
     * One diagnostic.
     *
     * @param message the text, naming what is wrong, the arithmetic and a fix
     * @param kind {@link Diagnostic.Kind#ERROR} or {@link Diagnostic.Kind#WARNING}
     * @param element where it goes
     * @param annotation the annotation on {@code element} it is about, if any
     * @param value the attribute value of {@code annotation} it is about, only when written
     */
    public record Item(
            String message,
            Diagnostic.Kind kind,
            Element element,
            Optional<AnnotationMirror> annotation,
            Optional<AnnotationValue> value) {

        /** Prints this item, as precisely placed as it is known. */
        void printTo(Messager messager) {
            if (annotation.isEmpty()) {
                messager.printMessage(kind, message, element);
            } else if (value.isEmpty()) {
                messager.printMessage(kind, message, element, annotation.get());
            } else {
                messager.printMessage(kind, message, element, annotation.get(), value.get());
            }
        }
    }

    /** A new report about {@code subject}. */
    public static Builder about(Element subject) {
        return new Builder(subject);
    }

    /** The element this report is about. */
    public Element subject() {
        return subject;
    }

    /** This report's own items, without the sub-reports'. */
    public List<Item> items() {
        return items;
    }

    /** The sub-reports, in order. */
    public List<ValidationReport> subreports() {
        return subreports;
    }

    /** Every item of this report, then of each sub-report in order. */
    public List<Item> allItems() {
        return Stream.concat(
                        items.stream(),
                        subreports.stream().flatMap(subreport -> subreport.allItems().stream()))
                .toList();
    }

    /** True when neither this report nor any sub-report holds an error. */
    public boolean isClean() {
        return allItems().stream().noneMatch(item -> item.kind() == Diagnostic.Kind.ERROR);
    }

    /** Prints every item, this report's first, then the sub-reports' in order. */
    public void printMessagesTo(Messager messager) {
        allItems().forEach(item -> item.printTo(messager));
    }

    /** Collects the items of one report. */
    public static final class Builder {
        private final Element subject;
        private final List<Item> items = new ArrayList<>();
        private final List<ValidationReport> subreports = new ArrayList<>();

        private Builder(Element subject) {
            this.subject = subject;
        }

        /** Adds an item. */
        public Builder addItem(
                String message,
                Diagnostic.Kind kind,
                Element element,
                Optional<AnnotationMirror> annotation,
                Optional<AnnotationValue> value) {
            items.add(new Item(message, kind, element, annotation, value));
            return this;
        }

        /** Adds a finished sub-report. */
        public Builder addSubreport(ValidationReport subreport) {
            subreports.add(subreport);
            return this;
        }

        public ValidationReport build() {
            return new ValidationReport(subject, items, subreports);
        }
    }
}
