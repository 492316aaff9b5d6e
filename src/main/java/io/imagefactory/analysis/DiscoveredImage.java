package io.imagefactory.analysis;

import io.imagefactory.image.ImageReference;

/**
 * A base image a Dockerfile builds from, as the analysis records it.
 *
 * @param reference the normalised reference
 * @param line the {@code FROM} line, for messages
 */
public record DiscoveredImage(ImageReference reference, int line) {}
