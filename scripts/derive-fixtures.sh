#!/bin/bash
# Re-derives the anonymised fixtures under tests/fixtures from the real recordings in ../shared/fixtures
# (which the repository never holds). Run from the repository root.
set -euo pipefail
F=${1:-../shared/fixtures}
A="node scripts/anonymise-fixture.mjs"
$A $F/twitter/Followers_2026-08.json tests/fixtures/x/followers-2026.json \
  --drop profile_banner_url,banner,tipjar_settings,professional,affiliates_highlighted_label,clientEventInfo
$A $F/twitter/UserByScreenName_2026-08_nolegacy.json tests/fixtures/x/user-by-screen-name-2026.json
$A $F/twitter/UserTweets_2026-08.json tests/fixtures/x/user-tweets-2026.json \
  --drop card,edit_control,unmention_data,grok_translated_post_with_availability,extended_entities,entities,clientEventInfo,banner,professional,tipjar_settings,quick_promote_eligibility,source,note_tweet
$A $F/instagram/PolarisProfilePageContentQuery_public_user.json tests/fixtures/instagram/polaris-profile.json
$A $F/instagram/api_v1_friendships_list_users.json tests/fixtures/instagram/friendships-followers.json
$A $F/tiktok/tiktok-profile-page_2022_SIGI_STATE.html tests/fixtures/tiktok/sigi-state-profile.html --scripts SIGI_STATE \
  --drop I18n,AppContext,SEO,SharingMeta,music,challenges,textExtra,video,effectStickers,stickersOnItem,warnInfo,RecommendUserList,ItemList
$A $F/youtube/browse_channel_videos_kurzgesagt_pageHeaderRenderer_2026-01.json tests/fixtures/youtube/browse-channel-page-header.json \
  --drop trackingParams,clickTrackingParams,thumbnailOverlays,menu,richThumbnail,loggingDirectives,microformat,availableCountryCodes,rendererContext,thumbnail,serviceTrackingParams,accessibility
