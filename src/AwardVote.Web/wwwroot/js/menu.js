// The header's menu on a phone: the button folds the links away and opens them again. Without this script the
// button stays hidden and the links stay open (site.css shows the button only under .menu-ready).
(() => {
  const header = document.querySelector(".site-header");
  const button = header?.querySelector(".menu-toggle");
  const menu = button && document.getElementById(button.getAttribute("aria-controls"));
  if (!menu) return;

  const setOpen = (open) => {
    button.setAttribute("aria-expanded", String(open));
    menu.classList.toggle("open", open);
  };

  header.classList.add("menu-ready");
  button.addEventListener("click", () => setOpen(button.getAttribute("aria-expanded") !== "true"));
  // Escape closes the open menu and gives the focus back to its button, as a disclosure should.
  header.addEventListener("keydown", (event) => {
    if (event.key === "Escape" && button.getAttribute("aria-expanded") === "true") {
      setOpen(false);
      button.focus();
    }
  });
})();
