// GOV.UK Frontend's components check for this class before they start (its page template sets it
// with an inline script; ours is a file, so the Content-Security-Policy can forbid inline scripts).
import { initAll } from '/assets/govuk-frontend.min.js'

document.body.classList.add('js-enabled', 'govuk-frontend-supported')
initAll()
