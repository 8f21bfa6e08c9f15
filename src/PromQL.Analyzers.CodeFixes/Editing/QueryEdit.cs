namespace PromQL.Analyzers.CodeFixes.Editing
{
    /// <summary>
    /// One edit of a query's logical text: replace [<see cref="Start"/>, <see cref="End"/>) with
    /// <see cref="NewText"/> (an insertion when the range is empty, a deletion when the text is).
    /// </summary>
    internal readonly struct QueryEdit
    {
        public QueryEdit(int start, int end, string newText)
        {
            Start = start;
            End = end;
            NewText = newText;
        }

        public int Start { get; }

        public int End { get; }

        public string NewText { get; }

        public static QueryEdit Insert(int position, string text) => new QueryEdit(position, position, text);

        public static QueryEdit Delete(int start, int end) => new QueryEdit(start, end, string.Empty);
    }
}
