// Passkeys: the browser's WebAuthn does the person's part; ASP.NET Core Identity makes the options and checks the
// answer on the server. A form marked data-passkey="create" (add one) or "get" (sign in with one) first asks its
// data-options-url for the options, lets the browser make or use the passkey, puts the browser's answer in the
// form's Credential field and then sends the form. If the browser cannot or the person cancels, the field stays
// empty and the server says so in the person's language.
(() => {
  const supported = window.PublicKeyCredential && PublicKeyCredential.parseCreationOptionsFromJSON;

  async function optionsFor(form) {
    const token = form.querySelector('input[name="__RequestVerificationToken"]');
    const response = await fetch(form.dataset.optionsUrl, {
      method: 'POST',
      credentials: 'same-origin',
      headers: token ? { RequestVerificationToken: token.value } : {},
    });
    if (!response.ok) throw new Error('The server gave no passkey options.');
    return response.json();
  }

  async function answer(form) {
    const options = await optionsFor(form);
    const credential = form.dataset.passkey === 'create'
      ? await navigator.credentials.create({ publicKey: PublicKeyCredential.parseCreationOptionsFromJSON(options) })
      : await navigator.credentials.get({ publicKey: PublicKeyCredential.parseRequestOptionsFromJSON(options) });
    return JSON.stringify(credential);
  }

  for (const form of document.querySelectorAll('form[data-passkey]')) {
    if (!supported) {
      form.querySelectorAll('button').forEach(button => { button.disabled = true; });
      continue;
    }
    form.addEventListener('submit', async event => {
      event.preventDefault();
      const field = form.querySelector('input[name="Credential"]');
      try {
        field.value = await answer(form);
      } catch {
        field.value = '';
      }
      // submit() sends the form without this handler running again.
      form.submit();
    });
  }
})();
