package org.dubgate.media.avsync;

/** A face box in frame pixels, kept in doubles so that smoothing does not round it at every step. */
public record Box(double x, double y, double w, double h) {

    /** Intersection over union: 1 for the same box, 0 for boxes that do not touch. */
    public double overlap(Box o) {
        double ix = Math.max(0, Math.min(x + w, o.x + o.w) - Math.max(x, o.x));
        double iy = Math.max(0, Math.min(y + h, o.y + o.h) - Math.max(y, o.y));
        double inter = ix * iy;
        return inter / (w * h + o.w * o.h - inter);
    }

    /** This box moved {@code share} of the way towards {@code o}. */
    public Box toward(Box o, double share) {
        return new Box(x + share * (o.x - x), y + share * (o.y - y), w + share * (o.w - w), h + share * (o.h - h));
    }
}
