/*
 * gapscore for MediaWiki: turns placeholders that editors write in wikitext into <gap-score>
 * widgets, on a stock MediaWiki (no raw HTML, no extension to download).
 *
 * An administrator installs it once, as a site gadget (MediaWiki:Gadget-gapscore.js, listed in
 * MediaWiki:Gadgets-definition) or pasted into MediaWiki:Common.js; docs/embedding.md, section
 * "MediaWiki", has the steps. Editors then write, through Template:GapScore or by hand:
 *
 *   <div class="gapscore-embed" data-file="Backlog.json" data-top="5"></div>     (an uploaded file)
 *   <div class="gapscore-embed"><pre>{"format": "gapscore/1", ...}</pre></div>   (data in the page)
 *
 * Placeholder attributes are written by editors, so nothing of them reaches the page unchecked:
 * only the data-* attributes below are read, each must match a strict pattern, the data address
 * is built here (a file on this wiki, or a path under DATA_PATHS on this wiki's own origin), and
 * elements are made with createElement/setAttribute/textContent, never from HTML text. A
 * placeholder with a value that does not fit is not turned into a widget; it says why instead.
 *
 * ECMAScript 5 on purpose: ResourceLoader in MediaWiki 1.39 refuses site and gadget scripts
 * that are not valid ES5. Uses mw.config and mw.hook only (both are on every page).
 */
( function () {
	'use strict';

	// ---- Settings an administrator may change -------------------------------------------------
	// Where gapscore-widget.js lies on this wiki's own web server.
	var WIDGET_SCRIPT = mw.config.get( 'wgScriptPath' ) + '/gapscore/gapscore-widget.js';
	// Paths on this wiki's origin that data-src may point into ($wgUploadPath by default).
	var DATA_PATHS = [ mw.config.get( 'wgScriptPath' ) + '/images/' ];
	// ---------------------------------------------------------------------------------------------

	// Installed both as a gadget and in Common.js: the first copy does the work.
	if ( mw.gapscoreEmbed ) {
		return;
	}

	var WORDS = /^[a-z_]{1,40}( [a-z_]{1,40}){0,9}$/; // model="gap value_effort", view="gaps matrix"
	var TOP = /^[1-9][0-9]{0,3}$/;
	var KEY = /^[A-Za-z0-9 _.:\/-]{1,100}$/;
	// A file name as the wiki has it (File:<name>), a .json one; none of the characters titles forbid.
	var FILE_NAME = /^[^#<>\[\]|{}\/\\:?%\u0000-\u001f\u007f]{1,236}\.json$/i;
	var YES = /^(yes|true|on|1|readonly)$/i;
	var NO = /^(|no|false|off|0)$/i;

	var loading = false;
	var made = [];

	function attr( el, name ) {
		var value = el.getAttribute( name );
		return value === null ? '' : value.trim();
	}

	/** An editor's value in a message: as text, and short. */
	function quote( value ) {
		return '"' + ( value.length > 60 ? value.slice( 0, 60 ) + '...' : value ) + '"';
	}

	/** The absolute address of a data-src value, or null when it leaves DATA_PATHS on this origin. */
	function dataUrl( value ) {
		var url, i;
		if ( !/^[^\s\\]+$/.test( value ) ) {
			return null;
		}
		try {
			url = new URL( value, location.href );
		} catch ( e ) {
			return null;
		}
		// javascript:, data: and other hosts have another origin (or "null").
		if ( url.origin !== location.origin || ( url.protocol !== 'http:' && url.protocol !== 'https:' ) ) {
			return null;
		}
		// "../" is resolved by URL already; encoded dots and slashes could be resolved by the server.
		if ( url.search || url.username || url.password || /%(2e|2f|5c|00)/i.test( url.pathname ) ) {
			return null;
		}
		for ( i = 0; i < DATA_PATHS.length; i++ ) {
			if ( url.pathname.indexOf( DATA_PATHS[ i ] ) === 0 && url.pathname.length > DATA_PATHS[ i ].length ) {
				return url.origin + url.pathname;
			}
		}
		return null;
	}

	/** The address of an uploaded file, through Special:Redirect (any $wgUploadPath, img_auth.php too). */
	function fileUrl( name ) {
		return location.origin + mw.config.get( 'wgScript' ) + '?title=Special:Redirect/file/' +
			encodeURIComponent( name.replace( / /g, '_' ) );
	}

	/** Reads a placeholder: {attributes, inline, problems}. */
	function read( placeholder ) {
		var problems = [];
		var attributes = [];
		var inline = null;
		var src = attr( placeholder, 'data-src' );
		var file = attr( placeholder, 'data-file' );
		var pre = placeholder.querySelector( 'pre' );
		var model = attr( placeholder, 'data-model' );
		var view = attr( placeholder, 'data-view' );
		var top = attr( placeholder, 'data-top' );
		var readonly = attr( placeholder, 'data-readonly' );
		var key = attr( placeholder, 'data-storage-key' );
		var url;

		if ( src && file ) {
			problems.push( 'give data-file or data-src, not both' );
		} else if ( file ) {
			if ( FILE_NAME.test( file ) ) {
				attributes.push( [ 'src', fileUrl( file ) ] );
			} else {
				problems.push( 'data-file ' + quote( file ) + ' is not the name of a .json file on this wiki' );
			}
		} else if ( src ) {
			url = dataUrl( src );
			if ( url ) {
				attributes.push( [ 'src', url ] );
			} else {
				problems.push( 'data-src ' + quote( src ) + ' is not a file under ' + DATA_PATHS.join( ' or ' ) + ' on this wiki' );
			}
		} else if ( pre ) {
			inline = pre.textContent;
		} else {
			problems.push( 'no data: give data-file="Backlog.json" (an uploaded file) or put the JSON in a <pre> inside' );
		}

		if ( model ) {
			if ( WORDS.test( model ) ) {
				attributes.push( [ 'model', model ] );
			} else {
				problems.push( 'data-model ' + quote( model ) + ' is not a list of model names' );
			}
		}
		if ( view ) {
			if ( WORDS.test( view ) ) {
				attributes.push( [ 'view', view ] );
			} else {
				problems.push( 'data-view ' + quote( view ) + ' is not a list of view names' );
			}
		}
		if ( top ) {
			if ( TOP.test( top ) ) {
				attributes.push( [ 'top', top ] );
			} else {
				problems.push( 'data-top ' + quote( top ) + ' is not a whole number from 1 to 9999' );
			}
		}
		if ( YES.test( readonly ) ) {
			attributes.push( [ 'readonly', '' ] );
		} else if ( !NO.test( readonly ) ) {
			problems.push( 'data-readonly ' + quote( readonly ) + ' is not yes or no' );
		}
		if ( key ) {
			if ( KEY.test( key ) ) {
				// Its own prefix: a page cannot take over the keys the widget derives itself.
				attributes.push( [ 'storage-key', 'wiki:' + key ] );
			} else {
				problems.push( 'data-storage-key ' + quote( key ) + ' may hold only letters, digits, space and _ . : / -' );
			}
		}
		return { attributes: attributes, inline: inline, problems: problems };
	}

	function say( placeholder, text ) {
		var p = document.createElement( 'p' );
		p.className = 'error gapscore-error';
		p.textContent = 'gapscore: ' + text;
		placeholder.appendChild( p );
	}

	function loadWidget() {
		var script;
		if ( loading || ( window.customElements && window.customElements.get( 'gap-score' ) ) ) {
			return;
		}
		loading = true;
		script = document.createElement( 'script' );
		script.src = WIDGET_SCRIPT;
		script.async = true;
		script.onerror = function () {
			var i;
			for ( i = 0; i < made.length; i++ ) {
				say( made[ i ], 'could not load ' + WIDGET_SCRIPT + ' (an administrator puts gapscore-widget.js there)' );
			}
		};
		document.head.appendChild( script );
	}

	function build( placeholder ) {
		var found, el, script, fallback, i;
		if ( placeholder.gapscoreSeen ) {
			return false;
		}
		placeholder.gapscoreSeen = true;
		found = read( placeholder );
		if ( found.problems.length ) {
			say( placeholder, found.problems.join( '; ' ) + '.' );
			return false;
		}
		el = document.createElement( 'gap-score' );
		for ( i = 0; i < found.attributes.length; i++ ) {
			el.setAttribute( found.attributes[ i ][ 0 ], found.attributes[ i ][ 1 ] );
		}
		if ( found.inline !== null ) {
			// A data block (type application/json): browsers never run it. Its text is set as
			// text, so markup in the JSON stays characters (and the widget shows it as text).
			script = document.createElement( 'script' );
			script.type = 'application/json';
			script.textContent = found.inline;
			el.appendChild( script );
		}
		// What the placeholder holds is for readers without scripts: kept, hidden.
		fallback = document.createElement( 'div' );
		fallback.hidden = true;
		while ( placeholder.firstChild ) {
			fallback.appendChild( placeholder.firstChild );
		}
		placeholder.appendChild( fallback );
		placeholder.appendChild( el );
		made.push( placeholder );
		return true;
	}

	function scan( roots ) {
		var any = false;
		var i, j, list;
		for ( i = 0; i < roots.length; i++ ) {
			if ( !roots[ i ] || !roots[ i ].querySelectorAll ) {
				continue;
			}
			list = roots[ i ].querySelectorAll( '.gapscore-embed' );
			for ( j = 0; j < list.length; j++ ) {
				any = build( list[ j ] ) || any;
			}
		}
		if ( any ) {
			loadWidget();
		}
	}

	mw.gapscoreEmbed = { read: read, scan: scan };

	// Fired for the page's content, and again for a preview or any content added later.
	mw.hook( 'wikipage.content' ).add( function ( $content ) {
		scan( $content && $content.get ? $content.get() : [ document.body ] );
	} );
}() );
