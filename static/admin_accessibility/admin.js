// What the admin's own scripts leave inaccessible, mended once they have run (templates/admin/base_site.html
// loads this file on every admin page; no inline script: the Content-Security-Policy forbids them).
//
// The two-list picker (filter_horizontal, Django's SelectFilter2.js) draws a help icon in each list's label:
// a <span> carrying an aria-label, which ARIA forbids on an element without a role. As an image it keeps its
// text ("Type into this box to filter down the list of …"), which then names the filter box it labels.
'use strict';
{
    const nameHelpIcons = () => {
        for (const icon of document.querySelectorAll('.selector .help-tooltip[aria-label]:not([role])')) {
            icon.setAttribute('role', 'img');
        }
    };
    // SelectFilter2.js builds the picker on "load"; this runs after every "load" listener.
    window.addEventListener('load', () => setTimeout(nameHelpIcons));
}
