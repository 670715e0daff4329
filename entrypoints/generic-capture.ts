import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { generic } from '../extractors/platforms/generic';
import { extractPage } from '../extractors/extract-page';

// Injected by "Capture from this page" through activeTab + scripting on a page that is not one
// of the platforms. Its return value reaches the panel as executeScript's result, which the panel
// validates like any message.
export default defineUnlistedScript(() => extractPage([generic], document, location.href));
