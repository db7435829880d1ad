// A chosen file past its size limit is caught before the form is sent: the server would refuse it only after the
// whole upload, and everything typed in the form would have to be sent again. The limits and the messages (in the
// page's language) are the input's data attributes; the server still checks every file itself.
(function () {
    'use strict';

    function limitFor(input, file) {
        var pdf = file.type === 'application/pdf' || /\.pdf$/i.test(file.name);
        return {
            max: Number(pdf ? input.dataset.maxPdfBytes : input.dataset.maxImageBytes) || 0,
            message: (pdf ? input.dataset.tooLargePdf : input.dataset.tooLargeImage) || ''
        };
    }

    function check(input) {
        var message = '';
        Array.prototype.forEach.call(input.files || [], function (file) {
            var limit = limitFor(input, file);
            if (limit.max > 0 && file.size > limit.max) {
                message = limit.message;
            }
        });
        input.setCustomValidity(message);
        var note = input.parentNode.querySelector('.file-too-large');
        if (!note) {
            note = document.createElement('span');
            note.className = 'field-error file-too-large';
            note.setAttribute('role', 'alert');
            input.insertAdjacentElement('afterend', note);
        }
        note.textContent = message;
        return message === '';
    }

    document.querySelectorAll('input[type=file][data-max-pdf-bytes]').forEach(function (input) {
        input.addEventListener('change', function () { check(input); });
        if (input.form) {
            input.form.addEventListener('submit', function (event) {
                if (!check(input)) {
                    event.preventDefault();
                    input.focus();
                }
            });
        }
    });
})();
