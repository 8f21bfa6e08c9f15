using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace PromQL.Analyzers.Text
{
    /// <summary>Collects logical characters with their source spans, and the pieces they come from.</summary>
    internal sealed class SourceTextBuilder
    {
        private char[] _chars;
        private int[] _starts;
        private int[] _lengths;
        private int _count;
        private bool _hasHoles;
        private readonly List<SourceTextPiece> _pieces = new List<SourceTextPiece>(1);

        // The open piece: set by BeginPiece, closed by EndPiece.
        private int _pieceStart;
        private SourceTextPieceKind _pieceKind;
        private SyntaxToken _pieceToken;
        private SyntaxNode? _pieceNode;
        private int _pieceDollars;
        private int _pieceQuotes;
        private bool _pieceMultiLine;
        private SourceTextLayers _pieceLayers;

        // Where an empty text sits: the content start of the first piece.
        private int _emptyPosition = -1;

        public SourceTextBuilder(int capacity)
        {
            capacity = Math.Max(capacity, 4);
            _chars = new char[capacity];
            _starts = new int[capacity];
            _lengths = new int[capacity];
        }

        public void BeginPiece(SourceTextPieceKind kind, SyntaxToken token, SyntaxNode? node, int dollarCount, int quoteCount, bool isMultiLine, int contentPosition)
        {
            _pieceStart = _count;
            _pieceKind = kind;
            _pieceToken = token;
            _pieceNode = node;
            _pieceDollars = dollarCount;
            _pieceQuotes = quoteCount;
            _pieceMultiLine = isMultiLine;
            _pieceLayers = SourceTextLayers.None;
            if (_emptyPosition < 0)
            {
                _emptyPosition = contentPosition;
            }
        }

        /// <summary>
        /// Opens a piece written as <paramref name="like"/> was (kind, token, delimiters), whose characters also went
        /// through <paramref name="layers"/>: for text read further from a text already read.
        /// </summary>
        public void BeginPieceLike(SourceTextPiece like, SourceTextLayers layers, int contentPosition)
        {
            BeginPiece(like.Kind, like.Token, like.Node, like.DollarCount, like.QuoteCount, like.IsMultiLine, contentPosition);
            _pieceLayers = like.Layers | layers;
        }

        public void EndPiece()
        {
            _pieces.Add(new SourceTextPiece(_pieceStart, _count - _pieceStart, _pieceKind, _pieceToken, _pieceNode, _pieceDollars, _pieceQuotes, _pieceMultiLine, _pieceLayers));
        }

        public void Append(char c, int sourceStart, int sourceLength)
        {
            if (_count == _chars.Length)
            {
                Grow(_count + 1);
            }

            _chars[_count] = c;
            _starts[_count] = sourceStart;
            _lengths[_count] = sourceLength;
            _count++;
        }

        /// <summary>A constant's text: every character maps to the whole <paramref name="span"/>.</summary>
        public void AppendConstant(string value, TextSpan span, SyntaxNode node)
        {
            BeginPiece(SourceTextPieceKind.Constant, default, node, 0, 0, false, span.Start);
            if (_count + value.Length > _chars.Length)
            {
                Grow(_count + value.Length);
            }

            for (int i = 0; i < value.Length; i++)
            {
                Append(value[i], span.Start, span.Length);
            }

            EndPiece();
        }

        /// <summary>One hole character mapping to <paramref name="span"/>; <paramref name="node"/> is null for a composite format item.</summary>
        public void AppendHole(TextSpan span, SyntaxNode? node)
        {
            BeginPiece(SourceTextPieceKind.Hole, default, node, 0, 0, false, span.Start);
            Append(PromQL.Parsing.PromQlParser.HoleCharacter, span.Start, span.Length);
            _hasHoles = true;
            EndPiece();
        }

        public PromQlSourceText ToSourceText(ExpressionSyntax root)
        {
            int emptyPosition = _emptyPosition >= 0 ? _emptyPosition : root.SpanStart;
            return new PromQlSourceText(root, new string(_chars, 0, _count), _starts, _lengths, _pieces, _hasHoles, emptyPosition);
        }

        private void Grow(int needed)
        {
            int size = Math.Max(needed, _chars.Length * 2);
            Array.Resize(ref _chars, size);
            Array.Resize(ref _starts, size);
            Array.Resize(ref _lengths, size);
        }
    }
}
