/**
 * Data sets: {@link dev.filtre.runtime.data.DataSet} (inputs in one float array, class labels or
 * regression targets, seeded splits), the IDX format of MNIST ({@link dev.filtre.runtime.data.Idx},
 * validated, gzip or raw) and {@link dev.filtre.runtime.data.FashionMnist} from Debian's {@code
 * dataset-fashion-mnist}.
 */
package dev.filtre.runtime.data;
