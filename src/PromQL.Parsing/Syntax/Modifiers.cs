using System;

namespace PromQL.Parsing.Syntax
{
    /// <summary>
    /// The modifiers that follow a selector or subquery: <c>offset</c>, <c>@</c>, <c>anchored</c>,
    /// <c>smoothed</c>. Immutable; the <c>With…</c> methods return changed copies.
    /// </summary>
    public sealed class Modifiers
    {
        /// <summary>No modifiers.</summary>
        public static readonly Modifiers None = new Modifiers(TimeSpan.Zero, null, null, AtModifierKind.None, false, false);

        private Modifiers(TimeSpan offset, Expr? offsetExpr, long? timestamp, AtModifierKind at, bool anchored, bool smoothed)
        {
            Offset = offset;
            OffsetExpr = offsetExpr;
            Timestamp = timestamp;
            AtKind = at;
            Anchored = anchored;
            Smoothed = smoothed;
        }

        /// <summary>The literal offset (Prometheus's <c>OriginalOffset</c>); zero when none or when <see cref="OffsetExpr"/> is set.</summary>
        public TimeSpan Offset { get; }

        /// <summary>The offset as a duration expression (<c>offset step()</c>) or a hole, or null.</summary>
        public Expr? OffsetExpr { get; }

        /// <summary>Whether an offset is set (as in Prometheus, <c>offset 0s</c> sets none).</summary>
        public bool HasOffset => Offset != TimeSpan.Zero || OffsetExpr is not null;

        /// <summary>The <c>@</c> timestamp in milliseconds, or null.</summary>
        public long? Timestamp { get; }

        /// <summary><c>@ start()</c> or <c>@ end()</c>.</summary>
        public AtModifierKind AtKind { get; }

        /// <summary>Whether any <c>@</c> modifier was written.</summary>
        public bool HasAt => Timestamp is not null || AtKind != AtModifierKind.None;

        /// <summary>The <c>anchored</c> modifier.</summary>
        public bool Anchored { get; }

        /// <summary>The <c>smoothed</c> modifier.</summary>
        public bool Smoothed { get; }

        /// <summary>Whether there is no modifier at all.</summary>
        public bool IsEmpty => !HasOffset && !HasAt && !Anchored && !Smoothed;

        /// <summary>A copy with a literal offset.</summary>
        public Modifiers WithOffset(TimeSpan offset) =>
            new Modifiers(offset, null, Timestamp, AtKind, Anchored, Smoothed);

        /// <summary>A copy with an offset expression.</summary>
        public Modifiers WithOffset(Expr offset) =>
            new Modifiers(TimeSpan.Zero, offset, Timestamp, AtKind, Anchored, Smoothed);

        /// <summary>A copy with an <c>@</c> timestamp (milliseconds).</summary>
        public Modifiers WithTimestamp(long milliseconds) =>
            new Modifiers(Offset, OffsetExpr, milliseconds, AtModifierKind.None, Anchored, Smoothed);

        /// <summary>A copy with <c>@ start()</c> or <c>@ end()</c>.</summary>
        public Modifiers WithAt(AtModifierKind kind) =>
            new Modifiers(Offset, OffsetExpr, null, kind, Anchored, Smoothed);

        /// <summary>A copy with <c>anchored</c>.</summary>
        public Modifiers WithAnchored() =>
            new Modifiers(Offset, OffsetExpr, Timestamp, AtKind, true, Smoothed);

        /// <summary>A copy with <c>smoothed</c>.</summary>
        public Modifiers WithSmoothed() =>
            new Modifiers(Offset, OffsetExpr, Timestamp, AtKind, Anchored, true);
    }
}
