package dev.filtre.runtime.image;

import java.util.List;

/**
 * A 3-D kernel: one 2-D kernel per input channel, all of the same size and anchor ("vos
 * filtres seront donc en 3D"). Filtering a {@code C x H x W} image with a {@code C}-channel
 * volume kernel gives one plane, the sum over channels of each channel filtered with its own
 * 2-D kernel, as one filter of a convolutional layer does.
 */
public final class VolumeKernel {
    private final List<Kernel> channels;

    private VolumeKernel(List<Kernel> channels) {
        this.channels = channels;
    }

    /**
     * The volume kernel whose channel {@code c} is {@code perChannel[c]}.
     *
     * @throws IllegalArgumentException if there is no kernel or the kernels differ in size or
     *     anchor (the message names the first that differs)
     */
    public static VolumeKernel of(Kernel... perChannel) {
        return of(List.of(perChannel));
    }

    /** See {@link #of(Kernel...)}. */
    public static VolumeKernel of(List<Kernel> perChannel) {
        if (perChannel.isEmpty()) {
            throw new IllegalArgumentException("a volume kernel needs at least one channel");
        }
        Kernel first = perChannel.get(0);
        for (int c = 1; c < perChannel.size(); c++) {
            Kernel kernel = perChannel.get(c);
            if (kernel.rows() != first.rows() || kernel.columns() != first.columns()
                    || kernel.anchorRow() != first.anchorRow()
                    || kernel.anchorColumn() != first.anchorColumn()) {
                throw new IllegalArgumentException(
                        "channel " + c + "'s kernel is " + kernel.size() + " anchored at ("
                                + kernel.anchorRow() + ", " + kernel.anchorColumn() + ") but channel 0's is "
                                + first.size() + " anchored at (" + first.anchorRow() + ", "
                                + first.anchorColumn() + ")");
            }
        }
        return new VolumeKernel(List.copyOf(perChannel));
    }

    public int channels() {
        return channels.size();
    }

    /** The 2-D kernel applied to channel {@code channel}. */
    public Kernel channel(int channel) {
        return channels.get(channel);
    }

    /**
     * Every channel's kernel {@linkplain Kernel#flipped() flipped} in space; the channels keep
     * their order (they are not a spatial axis).
     */
    public VolumeKernel flipped() {
        return new VolumeKernel(channels.stream().map(Kernel::flipped).toList());
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof VolumeKernel that && channels.equals(that.channels);
    }

    @Override
    public int hashCode() {
        return channels.hashCode();
    }

    @Override
    public String toString() {
        return "VolumeKernel" + channels;
    }
}
