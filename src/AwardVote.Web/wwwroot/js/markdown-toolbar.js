// The buttons above a nomination's text fields write Markdown's marks for the person: select words, press "Bold",
// and the field gets **words**. The field stays plain text that the server renders and sanitises as before; the
// toolbar only spares a librarian the syntax. Ctrl+B, Ctrl+I and Ctrl+K do the same from the keyboard.
(function () {
    'use strict';

    function changed(area, start, end) {
        area.focus();
        area.setSelectionRange(start, end);
        area.dispatchEvent(new Event('input', { bubbles: true }));
    }

    // Around the selection; with nothing selected, the marks go in and the caret between them.
    function wrap(area, mark) {
        var start = area.selectionStart, end = area.selectionEnd;
        var selected = area.value.slice(start, end);
        // Markdown's emphasis does not take spaces inside its marks: "** word **" stays as typed.
        var lead = selected.match(/^\s*/)[0], trail = selected.match(/\s*$/)[0];
        var core = selected.trim();
        area.setRangeText(lead + mark + core + mark + trail, start, end, 'select');
        var from = start + lead.length + mark.length;
        changed(area, from, from + core.length);
    }

    // Each selected line (or the caret's line) gets the prefix, once.
    function prefixLines(area, prefix) {
        var value = area.value;
        var start = value.lastIndexOf('\n', area.selectionStart - 1) + 1;
        var endBreak = value.indexOf('\n', area.selectionEnd);
        var end = endBreak < 0 ? value.length : endBreak;
        var lines = value.slice(start, end).split('\n').map(function (line) {
            return line.indexOf(prefix) === 0 ? line : prefix + line;
        });
        var text = lines.join('\n');
        area.setRangeText(text, start, end, 'select');
        changed(area, start + text.length, start + text.length);
    }

    function link(area, question) {
        var address = window.prompt(question, 'https://');
        if (!address || address === 'https://') {
            area.focus();
            return;
        }
        var start = area.selectionStart, end = area.selectionEnd;
        var words = area.value.slice(start, end).trim() || address;
        var text = '[' + words + '](' + address.trim() + ')';
        area.setRangeText(text, start, end, 'select');
        changed(area, start + text.length, start + text.length);
    }

    function apply(area, action, button) {
        if (area.disabled || area.readOnly) {
            return;
        }
        switch (action) {
            case 'bold': wrap(area, '**'); break;
            case 'italic': wrap(area, '*'); break;
            case 'heading': prefixLines(area, '## '); break;
            case 'list': prefixLines(area, '- '); break;
            case 'link': link(area, (button && button.dataset.prompt) || ''); break;
        }
    }

    document.querySelectorAll('[data-markdown-toolbar]').forEach(function (bar) {
        var area = document.getElementById(bar.dataset.markdownToolbar);
        if (!area) {
            return;
        }
        bar.hidden = false;
        bar.addEventListener('click', function (event) {
            var button = event.target.closest('button[data-md]');
            if (button) {
                apply(area, button.dataset.md, button);
            }
        });
        area.addEventListener('keydown', function (event) {
            if (!(event.ctrlKey || event.metaKey) || event.altKey || event.shiftKey) {
                return;
            }
            var key = event.key.toLowerCase();
            var action = key === 'b' ? 'bold' : key === 'i' ? 'italic' : key === 'k' ? 'link' : null;
            if (action) {
                event.preventDefault();
                apply(area, action, bar.querySelector('button[data-md="' + action + '"]'));
            }
        });
    });
})();
